package models

import (
	"slices"
	"time"
)

// Holiday names, shared by the shipped list and the computed years.
const (
	nameNewYear       = "Tết Dương lịch"
	nameTet           = "Tết Nguyên Đán"
	nameHungKings     = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
	nameReunification = "Ngày Chiến thắng (30/4)"
	nameLabour        = "Ngày Quốc tế Lao động (1/5)"
	nameNational      = "Quốc khánh (2/9)"
	nameNationalNext  = "Quốc khánh (ngày liền kề)"
)

// ProvisionalHolidays computes the days off of year y by the Labour Code
// 2019 (art. 112) where the government has not published its decision: Tết
// Dương lịch 1/1; Tết Nguyên Đán as five days from the last day of the
// lunar year to the 4th day of the first month (the usual decision);
// Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 and, from 2021,
// one day beside it (the one that joins the weekend); and a compensatory day
// (nghỉ bù) on the next working day for each of them that falls on a
// Saturday or Sunday. Every day is marked provisional.
func ProvisionalHolidays(y int) []HolidayFields {
	var days []HolidayFields
	add := func(d Date, name string) {
		days = append(days, HolidayFields{Date: d, Name: name, Kind: HolidayPublic, Provisional: true})
	}
	add(NewDate(y, time.January, 1), nameNewYear)
	tet := TetOf(y)
	for i := -1; i <= 3; i++ {
		add(tet.AddDays(i), nameTet)
	}
	add(HungKingsDayOf(y), nameHungKings)
	add(NewDate(y, time.April, 30), nameReunification)
	add(NewDate(y, time.May, 1), nameLabour)
	national := NewDate(y, time.September, 2)
	add(national, nameNational)
	if y >= 2021 {
		add(national.AddDays(nationalDayNeighbour(national.Weekday())), nameNationalNext)
	}
	slices.SortFunc(days, byDate)
	return withCompensation(days)
}

// nationalDayNeighbour picks the day beside 2/9 that makes the longest
// break with the weekend: the day before when 2/9 is a Tuesday, Wednesday,
// Friday or Saturday, the day after otherwise.
func nationalDayNeighbour(wd time.Weekday) int {
	switch wd {
	case time.Tuesday, time.Wednesday, time.Friday, time.Saturday:
		return -1
	}
	return 1
}

// withCompensation adds, for each holiday on a weekend, a compensatory day
// off on the next weekday that is not already off (Labour Code 2019, art.
// 111(3)); days must be in date order.
func withCompensation(days []HolidayFields) []HolidayFields {
	off := map[Date]bool{}
	for _, h := range days {
		off[h.Date] = true
	}
	out := slices.Clone(days)
	for _, h := range days {
		if h.Kind != HolidayPublic || !isWeekend(h.Date) {
			continue
		}
		d := h.Date.AddDays(1)
		for isWeekend(d) || off[d] {
			d = d.AddDays(1)
		}
		off[d] = true
		out = append(out, HolidayFields{Date: d, Name: "Nghỉ bù " + h.Name, Kind: HolidayCompensatory, Provisional: h.Provisional})
	}
	slices.SortFunc(out, byDate)
	return out
}

// byDate orders days by date.
func byDate(a, b HolidayFields) int { return b.Date.DaysUntil(a.Date) }
