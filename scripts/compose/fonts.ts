// The font families the paper is set in, pinned through npm and loaded by
// styles/fonts.css: 宋 (body), 黑 (headlines, labels), 楷 (captions, 引题,
// 副题) and the masthead's brush face. Anything else on a page is a fallback.
// Chromium reports a face by the name in its file, which may carry a suffix
// ("Noto Serif SC ExtraLight", "Noto Sans SC Thin" for the 400 cuts): a
// platform font is pinned when its name is one of these or starts with one
// and a space.
export const PINNED_FAMILIES = ["Noto Serif SC", "Noto Sans SC", "LXGW WenKai", "Ma Shan Zheng"] as const;
