package models

import (
	"testing"
	"time"
)

func TestTetAndHungKingsDay(t *testing.T) {
	// Vietnamese dates (UTC+7). 1985, 2007 and 2030 differ from the Chinese
	// New Year (UTC+8): 20/2/1985, 18/2/2007 and 3/2/2030 in China.
	tet := map[int]string{
		1985: "1985-01-21", 2000: "2000-02-05", 2001: "2001-01-24", 2002: "2002-02-12", 2003: "2003-02-01",
		2004: "2004-01-22", 2005: "2005-02-09", 2006: "2006-01-29", 2007: "2007-02-17", 2008: "2008-02-07",
		2009: "2009-01-26", 2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10",
		2014: "2014-01-31", 2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16",
		2019: "2019-02-05", 2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22",
		2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26",
		2029: "2029-02-13", 2030: "2030-02-02",
	}
	for y, want := range tet {
		if got := TetOf(y).String(); got != want {
			t.Errorf("Tết %d: got %s, want %s", y, got, want)
		}
	}
	hung := map[int]string{2016: "2016-04-16", 2017: "2017-04-06", 2018: "2018-04-25", 2019: "2019-04-14",
		2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10", 2023: "2023-04-29", 2024: "2024-04-18",
		2025: "2025-04-07", 2026: "2026-04-26"}
	for y, want := range hung {
		if got := HungKingsDayOf(y).String(); got != want {
			t.Errorf("Giỗ Tổ %d: got %s, want %s", y, got, want)
		}
	}
}

func TestLunarRoundTrip(t *testing.T) {
	leapMonths := map[int]int{}
	for d := MustDate("1990-01-01"); d.Before(MustDate("2040-01-01")); d = d.AddDays(1) {
		l := ToLunar(d)
		back, ok := FromLunar(l)
		if !ok || back != d {
			t.Fatalf("%s -> %+v -> %s (%v)", d, l, back, ok)
		}
		if l.Leap {
			leapMonths[l.Year] = l.Month
		}
	}
	// Known leap months (tháng nhuận): 2020 the 4th, 2023 the 2nd, 2025 the 6th.
	for y, m := range map[int]int{2020: 4, 2023: 2, 2025: 6} {
		if leapMonths[y] != m {
			t.Errorf("leap month of %d: got %d, want %d", y, leapMonths[y], m)
		}
	}
	if _, ok := FromLunar(LunarDate{Day: 1, Month: 3, Year: 2022, Leap: true}); ok {
		t.Error("2022 has no leap 3rd month")
	}
}

func TestWorkingDays(t *testing.T) {
	cal := NewCalendar(ShippedHolidays())
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"30/4-1/5/2022 on a weekend, compensated by 2-3/5", "2022-04-28", 10, "2022-05-16"},
		{"ordinary fortnight", "2022-05-10", 10, "2022-05-24"},
		{"Tết 2023 (20-26/1) is skipped", "2023-01-19", 1, "2023-01-27"},
		{"ten days across Tết 2023", "2023-01-19", 10, "2023-02-09"},
		{"Tết 2024 (8-14/2) is skipped", "2024-02-07", 1, "2024-02-15"},
		{"ten days across Tết 2024", "2024-02-07", 10, "2024-02-28"},
		{"2/9/2022 with the day before it", "2022-08-31", 1, "2022-09-05"},
		{"2/9/2023 on Saturday: 1/9 and compensation on 4/9", "2023-08-31", 1, "2023-09-05"},
		{"2/9/2024 with the day after it", "2024-08-30", 1, "2024-09-04"},
		{"2/9/2025 with the day before it", "2025-08-29", 1, "2025-09-03"},
		{"Saturday 4/5/2024 is a working day (swap for 29/4)", "2024-05-03", 1, "2024-05-04"},
		{"29/4/2024 is off by the swap", "2024-04-26", 1, "2024-05-02"},
		{"Saturday 26/4/2025 is a working day (swap for 2/5)", "2025-04-25", 1, "2025-04-26"},
		{"2/5/2025 is off by the swap", "2025-04-29", 1, "2025-05-05"},
		{"Giỗ Tổ 2022 on Sunday, compensated on Monday 11/4", "2022-04-08", 1, "2022-04-12"},
		{"New Year 2023 on Sunday, compensated on 2/1", "2022-12-30", 1, "2023-01-03"},
		{"Friday 2/1/2026 is off by the swap, Saturday 10/1 worked", "2025-12-31", 1, "2026-01-05"},
		{"Saturday 10/1/2026 is a working day", "2026-01-09", 1, "2026-01-10"},
		{"Tết 2026 (16-20/2) is skipped", "2026-02-13", 1, "2026-02-23"},
		{"computed year 2030: Tết on Saturday 2/2, off 1-7/2", "2030-01-31", 1, "2030-02-08"},
		{"computed year 2031: 2/9 on Tuesday with 1/9", "2031-08-29", 1, "2031-09-03"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cal.AddWorkingDays(MustDate(tc.from), tc.n).String(); got != tc.want {
				t.Fatalf("%s + %d working days: got %s, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

func TestCalendarListedYearIsWholeTruth(t *testing.T) {
	cal := NewCalendar([]HolidayFields{{Date: MustDate("2030-03-04"), Name: "Thử", Kind: HolidayPublic}})
	switch {
	case !cal.Listed(2030) || cal.Listed(2031):
		t.Fatal("listed years wrong")
	case cal.IsWorkingDay(MustDate("2030-03-04")):
		t.Error("the listed day must be off")
	case !cal.IsWorkingDay(MustDate("2030-02-04")):
		t.Error("a listed year takes nothing from the computed rules (Tết 2030 not listed)")
	case cal.IsWorkingDay(MustDate("2031-01-23")):
		t.Error("an unlisted year is computed (Tết 2031)")
	}
}

func TestShippedHolidays(t *testing.T) {
	days := ShippedHolidays()
	seen := map[Date]bool{}
	years := map[int]int{}
	for _, h := range days {
		if err := h.Validate(); err != nil {
			t.Errorf("%s %s: %v", h.Date, h.Name, err)
		}
		if seen[h.Date] {
			t.Errorf("%s listed twice", h.Date)
		}
		seen[h.Date] = true
		years[h.Date.Year()]++
	}
	for y := 2020; y <= 2027; y++ {
		if years[y] < 9 {
			t.Errorf("%d: only %d days", y, years[y])
		}
		for _, d := range []Date{NewDate(y, time.January, 1), HungKingsDayOf(y), NewDate(y, time.April, 30),
			NewDate(y, time.May, 1), NewDate(y, time.September, 2)} {
			if !seen[d] {
				t.Errorf("%d: %s missing", y, d)
			}
		}
		if tet := TetOf(y); !isWeekend(tet) && !seen[tet] {
			t.Errorf("%d: Tết %s missing", y, tet)
		}
	}
	cal := NewCalendar(days)
	for y := 2021; y <= 2025; y++ { // the years whose decisions are all published
		offWeekdays := 0
		for d := NewDate(y, time.January, 1); d.Year() == y; d = d.AddDays(1) {
			if !isWeekend(d) && !cal.IsWorkingDay(d) {
				offWeekdays++
			}
		}
		if offWeekdays < 11 || offWeekdays > 13 {
			t.Errorf("%d: %d weekdays off, want 11 holidays plus compensations", y, offWeekdays)
		}
	}
}

func TestHolidayValidate(t *testing.T) {
	tests := []struct {
		name  string
		h     HolidayFields
		field string
	}{
		{"a working day must be a weekend day", HolidayFields{Date: MustDate("2024-05-03"), Name: "x", Kind: HolidayWorkingDay}, "kind"},
		{"a compensatory day must be a weekday", HolidayFields{Date: MustDate("2024-05-04"), Name: "x", Kind: HolidayCompensatory}, "kind"},
		{"name required", HolidayFields{Date: MustDate("2024-05-03"), Kind: HolidayPublic}, "name"},
		{"unknown kind", HolidayFields{Date: MustDate("2024-05-03"), Name: "x", Kind: "party"}, "kind"},
		{"date required", HolidayFields{Name: "x", Kind: HolidayPublic}, "date"},
		{"a holiday may fall on a weekend", HolidayFields{Date: MustDate("2022-04-30"), Name: "x", Kind: HolidayPublic}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.h.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || len(e.Fields) == 0 || e.Fields[0].Field != tc.field {
				t.Fatalf("got %v, want an error on %s", err, tc.field)
			}
		})
	}
}
