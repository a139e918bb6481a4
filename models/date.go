package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// DateLayout is the wire and storage form of a calendar date.
const DateLayout = "2006-01-02"

// Date is a calendar date (received, visited, held, issued) with no time of
// day, so that a month never slips across a time zone. It is stored as
// YYYY-MM-DD text on SQLite and as a date on PostgreSQL.
type Date struct {
	t time.Time // midnight UTC; zero means unset
}

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// ParseDate parses YYYY-MM-DD strictly: impossible dates such as 2022-02-30 fail.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("ngày %q không hợp lệ (định dạng YYYY-MM-DD)", s)
	}
	// No record of the office predates 1900, and year 1 would read back as
	// the zero Date, which means "unset".
	if t.Year() < MinYear {
		return Date{}, fmt.Errorf("ngày %q quá xa (trước năm %d)", s, MinYear)
	}
	return Date{t}, nil
}

// MinYear is the earliest year a date may have.
const MinYear = 1900

// MustDate parses s and panics on error; for tests and fixed data only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return d.t }

// String returns YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// VN returns the date as dd/mm/yyyy, the Vietnamese way.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

// Year returns the year of the date.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of the date.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month.
func (d Date) Day() int { return d.t.Day() }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns the date n months later, normalised like time.AddDate.
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// DaysUntil returns the number of days from d to o.
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// MarshalJSON writes "YYYY-MM-DD", or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil || *s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(*s)
	if err != nil {
		// A type error lets encoding/json add the field's path, so the
		// client learns which date was wrong.
		return &json.UnmarshalTypeError{Value: "date " + strconv.Quote(*s), Type: reflect.TypeFor[Date]()}
	}
	*d = p
	return nil
}

// GormDataType makes GORM declare the column as a date.
func (Date) GormDataType() string { return "date" }

// Value stores the date as YYYY-MM-DD text, or NULL when unset.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date from text (SQLite) or a time (PostgreSQL, or SQLite
// through the driver's date parsing).
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = NewDate(x.Year(), x.Month(), x.Day())
	case string:
		return d.scanText(x)
	case []byte:
		return d.scanText(string(x))
	default:
		return fmt.Errorf("cannot scan %T into Date", v)
	}
	return nil
}

func (d *Date) scanText(s string) error {
	if len(s) > len(DateLayout) {
		s = s[:len(DateLayout)]
	}
	p, err := time.Parse(DateLayout, s)
	if err != nil {
		return err
	}
	*d = Date{p}
	return nil
}
