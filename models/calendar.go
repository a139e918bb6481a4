package models

import "time"

// Calendar knows which days are working days: Saturdays, Sundays and the
// listed public holidays are not.
type Calendar struct {
	holidays map[Date]bool
}

// NewCalendar returns a calendar with the given public holidays.
func NewCalendar(holidays []Date) *Calendar {
	c := &Calendar{holidays: make(map[Date]bool, len(holidays))}
	for _, d := range holidays {
		c.holidays[d] = true
	}
	return c
}

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !c.holidays[d] && !fixedSolarHoliday(d)
}

// fixedSolarHoliday reports the holidays on fixed solar dates (Labour Code
// 2019, art. 112): 1/1, 30/4, 1/5, 2/9 and, since 2021, the day beside 2/9
// (taken as 3/9 until the year's decision moves it). Lunar holidays and the
// days moved each year come from the holiday list.
func fixedSolarHoliday(d Date) bool {
	switch m, day := d.Month(), d.Day(); {
	case m == time.January && day == 1, m == time.April && day == 30, m == time.May && day == 1, m == time.September && day == 2:
		return true
	case m == time.September && day == 3 && d.Year() >= 2021:
		return true
	}
	return false
}

// AddWorkingDays returns the n-th working day after d; d itself is not
// counted, as the law counts from the day after receipt.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}
