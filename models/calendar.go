package models

import "sync"

// Calendar knows which days are working days: Monday to Friday, except the
// days off of the holiday list, plus the weekend days the list makes working
// days. A year the list does not cover is computed by the rules of the law
// (ProvisionalHolidays), so a deadline never silently ignores Tết.
type Calendar struct {
	days   map[Date]HolidayKind
	listed map[int]bool
}

// NewCalendar returns a calendar over the listed days; every year with at
// least one listed day is taken from the list alone.
func NewCalendar(days []HolidayFields) *Calendar {
	c := &Calendar{days: make(map[Date]HolidayKind, len(days)), listed: map[int]bool{}}
	for _, h := range days {
		c.days[h.Date] = h.Kind
		c.listed[h.Date.Year()] = true
	}
	return c
}

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Date) bool {
	kind, ok := c.kindOf(d)
	switch {
	case ok && kind == HolidayWorkingDay:
		return true
	case ok:
		return false
	}
	return !isWeekend(d)
}

// Listed reports whether year y comes from the holiday list rather than
// from the computed rules.
func (c *Calendar) Listed(y int) bool { return c.listed[y] }

// kindOf returns the listed or computed kind of d, if d is a special day.
func (c *Calendar) kindOf(d Date) (HolidayKind, bool) {
	if c.listed[d.Year()] {
		k, ok := c.days[d]
		return k, ok
	}
	k, ok := provisionalIndex(d.Year())[d]
	return k, ok
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

// NextWorkingDay returns d when it is a working day, else the first working
// day after it.
func (c *Calendar) NextWorkingDay(d Date) Date {
	for !c.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// provisionalMemo caches the computed days of each year: the lunar
// arithmetic is pure, and a calendar is asked about the same years often.
var provisionalMemo sync.Map // int -> map[Date]HolidayKind

// provisionalIndex returns the computed days of year y by date.
func provisionalIndex(y int) map[Date]HolidayKind {
	if m, ok := provisionalMemo.Load(y); ok {
		return m.(map[Date]HolidayKind)
	}
	m := map[Date]HolidayKind{}
	for _, h := range ProvisionalHolidays(y) {
		m[h.Date] = h.Kind
	}
	provisionalMemo.Store(y, m)
	return m
}
