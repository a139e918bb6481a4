package models

import (
	"database/sql/driver"
	"fmt"
)

// Complexity is how complex a case is (vụ việc phức tạp), which lengthens
// its legal time limit.
type Complexity string

// The Complexity codes.
const (
	ComplexityNormal            Complexity = "normal"             // thông thường
	ComplexityComplex           Complexity = "complex"            // phức tạp
	ComplexityEspeciallyComplex Complexity = "especially_complex" // đặc biệt phức tạp
)

var complexityCodes = codeSet[Complexity]{
	{ComplexityNormal, "thông thường"},
	{ComplexityComplex, "phức tạp"},
	{ComplexityEspeciallyComplex, "đặc biệt phức tạp"},
}

// Complexities lists every Complexity code.
func Complexities() []Complexity { return complexityCodes.codes() }

// Valid reports whether e is a known code.
func (e Complexity) Valid() bool { return complexityCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Complexity) Label() string { return complexityCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Complexity) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Complexity) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Complexity) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// DayUnit says how a time limit counts days.
type DayUnit string

// The DayUnit codes.
const (
	// WorkingDays skip weekends and the days off of the calendar.
	WorkingDays DayUnit = "working"
	// CalendarDays count every day; a limit that ends on a day off moves
	// to the next working day (Bộ luật Dân sự 2015, art. 148(5)).
	CalendarDays DayUnit = "calendar"
)

// Valid reports whether u is a known unit.
func (u DayUnit) Valid() bool { return u == WorkingDays || u == CalendarDays }

// Limits are the days allowed for one instance of a complaint: normal,
// complex, in a remote area, and complex in a remote area.
type Limits struct {
	Normal, Complex, Remote, RemoteComplex int
}

// of returns the limit for a case's complexity and area.
func (l Limits) of(complex, remote bool) int {
	switch {
	case remote && complex:
		return l.RemoteComplex
	case remote:
		return l.Remote
	case complex:
		return l.Complex
	}
	return l.Normal
}

// DeadlineRules are the legal time limits of domain.md, each a setting.
type DeadlineRules struct {
	// ComplaintFirst and ComplaintSecond: Luật Khiếu nại 2011, art. 28 and 37.
	ComplaintFirst  Limits
	ComplaintSecond Limits
	ComplaintUnit   DayUnit
	// Denunciation: Luật Tố cáo 2018, art. 30: 30 days, extended once
	// (complex) or twice (especially complex) by at most 30 days each.
	Denunciation              int
	DenunciationExtensionDays int
	DenunciationUnit          DayUnit
}

// DefaultDeadlineRules returns the limits of the law; docs/deadlines.md
// gives the legal basis of each and of the units.
func DefaultDeadlineRules() DeadlineRules {
	return DeadlineRules{
		ComplaintFirst:            Limits{Normal: 30, Complex: 45, Remote: 45, RemoteComplex: 60},
		ComplaintSecond:           Limits{Normal: 45, Complex: 60, Remote: 60, RemoteComplex: 70},
		ComplaintUnit:             WorkingDays,
		Denunciation:              30,
		DenunciationExtensionDays: 30,
		DenunciationUnit:          CalendarDays,
	}
}

// Validate checks the settings.
func (r DeadlineRules) Validate() error {
	for _, l := range []Limits{r.ComplaintFirst, r.ComplaintSecond} {
		for _, n := range []int{l.Normal, l.Complex, l.Remote, l.RemoteComplex} {
			if n < 1 || n > 365 {
				return fmt.Errorf("thời hạn giải quyết khiếu nại %d ngày không hợp lệ (1 đến 365)", n)
			}
		}
	}
	if r.Denunciation < 1 || r.Denunciation > 365 || r.DenunciationExtensionDays < 1 || r.DenunciationExtensionDays > 365 {
		return fmt.Errorf("thời hạn giải quyết tố cáo không hợp lệ (1 đến 365 ngày)")
	}
	if !r.ComplaintUnit.Valid() || !r.DenunciationUnit.Valid() {
		return fmt.Errorf("đơn vị tính ngày phải là working hoặc calendar")
	}
	return nil
}

// MaxExtensions returns how many extensions a denunciation of complexity c
// may have: none, one (complex) or two (especially complex).
func MaxExtensions(c Complexity) int {
	switch c {
	case ComplexityComplex:
		return 1
	case ComplexityEspeciallyComplex:
		return 2
	}
	return 0
}

// Deadline is a case's legal time limit as computed today.
type Deadline struct {
	// Due is the last day; zero when there is none or the clock is paused.
	Due Date
	// Days and Unit are the limit applied, extensions included.
	Days int
	Unit DayUnit
	// Suspended is true while an open suspension pauses the clock.
	Suspended bool
}

// ResolutionDeadline computes a case's deadline from accepted_on, its kind,
// instance, complexity, area, extensions and suspensions. The day of
// acceptance is not counted; suspended days are not counted; petitions and
// cases not accepted have no deadline.
func ResolutionDeadline(c *Case, cal *Calendar, r DeadlineRules) Deadline {
	var d Deadline
	d.Suspended = c.OpenSuspension() != nil
	if c.AcceptedOn.IsZero() {
		return d
	}
	complex := c.Complexity == ComplexityComplex || c.Complexity == ComplexityEspeciallyComplex
	switch {
	case c.Kind == KindComplaint && c.Instance == InstanceSecond:
		d.Days, d.Unit = r.ComplaintSecond.of(complex, c.RemoteArea), r.ComplaintUnit
	case c.Kind == KindComplaint:
		d.Days, d.Unit = r.ComplaintFirst.of(complex, c.RemoteArea), r.ComplaintUnit
	case c.Kind == KindDenunciation:
		d.Days, d.Unit = r.Denunciation, r.DenunciationUnit
		for _, e := range c.Extensions {
			d.Days += e.Days
		}
	default:
		return d
	}
	if d.Suspended {
		return d
	}
	d.Due = countDays(c.AcceptedOn, d.Days, d.Unit, cal, c.suspendedOn)
	return d
}

// countDays returns the day on which n days after start end, counting in
// unit and skipping the days skip reports.
func countDays(start Date, n int, unit DayUnit, cal *Calendar, skip func(Date) bool) Date {
	d := start
	for n > 0 {
		d = d.AddDays(1)
		if skip(d) || (unit == WorkingDays && !cal.IsWorkingDay(d)) {
			continue
		}
		n--
	}
	if unit == CalendarDays {
		d = cal.NextWorkingDay(d)
	}
	return d
}
