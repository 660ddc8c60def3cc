// The small part of lunar-javascript that newsprint uses; the package ships no types.
declare module "lunar-javascript" {
  interface Lunar {
    getYearInGanZhi(): string;
    getMonthInChinese(): string;
    getDayInChinese(): string;
  }
  interface Solar {
    getLunar(): Lunar;
  }
  const lunar: { Solar: { fromYmd(year: number, month: number, day: number): Solar } };
  export default lunar;
}
