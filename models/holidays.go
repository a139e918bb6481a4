package models

import (
	"database/sql/driver"
	"encoding/json"
	"time"

	"gorm.io/gorm"
)

// HolidayKind says what a listed day does to the working week.
type HolidayKind string

// The HolidayKind codes.
const (
	HolidayPublic       HolidayKind = "holiday"      // ngày nghỉ lễ, tết
	HolidayCompensatory HolidayKind = "compensatory" // nghỉ bù (lễ trùng ngày nghỉ hằng tuần)
	HolidaySwapped      HolidayKind = "swapped"      // nghỉ do hoán đổi ngày làm việc
	HolidayWorkingDay   HolidayKind = "working_day"  // ngày nghỉ hằng tuần đi làm bù
)

var holidayKindCodes = codeSet[HolidayKind]{
	{HolidayPublic, "ngày nghỉ lễ, tết"},
	{HolidayCompensatory, "nghỉ bù"},
	{HolidaySwapped, "nghỉ do hoán đổi ngày làm việc"},
	{HolidayWorkingDay, "ngày làm việc bù (thứ Bảy, Chủ nhật đi làm)"},
}

// HolidayKinds lists every HolidayKind code.
func HolidayKinds() []HolidayKind { return holidayKindCodes.codes() }

// Valid reports whether e is a known code.
func (e HolidayKind) Valid() bool { return holidayKindCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e HolidayKind) Label() string { return holidayKindCodes.label(e) }

// Value stores the code, NULL when empty.
func (e HolidayKind) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *HolidayKind) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e HolidayKind) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Off reports whether a day of this kind is a day off.
func (e HolidayKind) Off() bool { return e != HolidayWorkingDay }

// HolidayFields are what an administrator sets on a listed day.
type HolidayFields struct {
	Date        Date        `gorm:"not null;uniqueIndex" json:"date"`
	Name        string      `gorm:"size:200;not null" json:"name"`
	Kind        HolidayKind `gorm:"size:20;not null" json:"kind"`
	Provisional bool        `gorm:"not null;default:false" json:"provisional"`
}

// Holiday is one day of the holiday list: a public holiday, a compensatory
// or swapped day off, or a weekend day made a working day. Once a year has
// one listed day, the list is the whole truth for that year; a year with
// none is computed by the rules of the law (ProvisionalHolidays).
type Holiday struct {
	ID        uint           `gorm:"primaryKey" json:"id"`
	CreatedAt time.Time      `json:"created_at"`
	CreatedBy uint           `json:"created_by"`
	DeletedAt gorm.DeletedAt `json:"-"`
	HolidayFields
}

// MarshalJSON adds the kind's label and the weekday.
func (h Holiday) MarshalJSON() ([]byte, error) {
	type plain Holiday
	return json.Marshal(struct {
		plain
		KindLabel *string `json:"kind_label"`
		Weekday   string  `json:"weekday"`
	}{plain(h), labelPtr(h.Kind.Label()), WeekdayVN(h.Date)})
}

// EntityName names holidays in the audit trail.
func (*Holiday) EntityName() string { return "holiday" }

// Validate normalises and checks a listed day.
func (h *HolidayFields) Validate() error {
	var v Validation
	h.Name = NFC(h.Name)
	if h.Date.IsZero() {
		v.Add("date", "Ngày là bắt buộc.")
	} else if y := h.Date.Year(); y < 1900 || y > 2199 {
		v.Add("date", "Chỉ nhận ngày từ năm 1900 đến năm 2199.")
	}
	requiredText(&v, "name", h.Name, 200)
	validCode(&v, "kind", h.Kind, true)
	if !h.Date.IsZero() && h.Kind != "" {
		weekend := isWeekend(h.Date)
		switch {
		case h.Kind == HolidayWorkingDay && !weekend:
			v.Add("kind", "Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.")
		case h.Kind != HolidayPublic && h.Kind.Off() && weekend:
			v.Add("kind", "Ngày nghỉ bù hoặc nghỉ hoán đổi phải là ngày làm việc (thứ Hai đến thứ Sáu).")
		}
	}
	return v.Err()
}

// isWeekend reports whether d is a Saturday or a Sunday.
func isWeekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// WeekdayVN names the weekday of d in Vietnamese ("thứ Hai", "Chủ nhật").
func WeekdayVN(d Date) string {
	if d.IsZero() {
		return ""
	}
	return [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}[d.Weekday()]
}

// SeedHolidays fills an empty holiday list with the shipped days (once: a
// list whose days were all withdrawn is not filled again).
func SeedHolidays(db *gorm.DB) error {
	var n int64
	if err := db.Unscoped().Model(&Holiday{}).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	days := ShippedHolidays()
	rows := make([]Holiday, len(days))
	for i, f := range days {
		rows[i] = Holiday{HolidayFields: f}
	}
	return db.CreateInBatches(rows, 100).Error
}
