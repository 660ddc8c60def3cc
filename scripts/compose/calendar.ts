// Dates as a Chinese masthead prints them: 2023年11月7日 星期二 农历癸卯年九月廿四.
import lunar from "lunar-javascript";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

export interface IssueDate {
  /** 2023年11月7日 */
  long: string;
  /** 星期二 */
  weekday: string;
  /** 癸卯年九月廿四 */
  lunar: string;
}

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return [year, month, day];
}

export function issueDate(isoDate: string): IssueDate {
  const [year, month, day] = parts(isoDate);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const lunarDate = lunar.Solar.fromYmd(year, month, day).getLunar();
  return {
    long: `${year}年${month}月${day}日`,
    weekday: `星期${WEEKDAYS[weekday]}`,
    lunar: `${lunarDate.getYearInGanZhi()}年${lunarDate.getMonthInChinese()}月${lunarDate.getDayInChinese()}`,
  };
}
