// Package models holds kntc's records, their enums and labels, the business
// validation shared by the API, the web forms, the import and the CLI, the
// one error type, and the database connection.
package models

import (
	"time"

	"gorm.io/gorm"
)

// Record holds the fields every record has. DeletedAt marks a withdrawn
// record: GORM then leaves it out of every query unless asked (Unscoped).
type Record struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	CreatedBy uint      `gorm:"index" json:"created_by"`
	Version   int       `gorm:"not null;default:1" json:"version"`
	// DeletedAt has no index of its own: nearly every row is NULL, so such
	// an index only lures SQLite's planner away from the date indexes.
	DeletedAt gorm.DeletedAt `json:"-"`
}

// Person is a citizen named on a record: a letter's sender, a visit's
// representative or a case's petitioner. For denunciations every field is
// protected identity.
type Person struct {
	FullName string `gorm:"size:200" json:"full_name"`
	IDNumber string `gorm:"size:20" json:"id_number"`
	Phone    string `gorm:"size:30" json:"phone"`
	Email    string `gorm:"size:200" json:"email"`
	Address  string `gorm:"size:500" json:"address"`
}

// ProtectedMask replaces protected identity in every output.
const ProtectedMask = "[bảo mật]"

// Masked returns the person with every non-empty field replaced by the mask.
func (p Person) Masked() Person {
	m := func(s string) string {
		if s == "" {
			return ""
		}
		return ProtectedMask
	}
	return Person{m(p.FullName), m(p.IDNumber), m(p.Phone), m(p.Email), m(p.Address)}
}

// Normalized returns the person with every field in NFC and trimmed.
func (p Person) Normalized() Person {
	return Person{NFC(p.FullName), NFC(p.IDNumber), NFC(p.Phone), NFC(p.Email), NFC(p.Address)}
}

// IsEmpty reports whether no field is filled.
func (p Person) IsEmpty() bool { return p == Person{} }

// searchText returns the folded identity fields, for the identity search column.
//
// The e-mail address is left out: its local part glues a name into one
// word ("nguyenvanbinh1975"), and with a few percent of senders writing
// one, a million letters held thirteen thousand words beginning with
// "nguyen", which every search for the commonest surname had to merge
// (models/search.go). Citizens are found by name, ID number, phone and
// address.
func (p Person) searchText() string {
	return Fold(p.FullName + " " + p.IDNumber + " " + p.Phone + " " + p.Address)
}

// validate checks lengths and formats; prefix names the field in errors.
func (p Person) validate(v *Validation, prefix string) {
	maxLen(v, prefix+".full_name", p.FullName, 200)
	maxLen(v, prefix+".id_number", p.IDNumber, 20)
	maxLen(v, prefix+".phone", p.Phone, 30)
	maxLen(v, prefix+".email", p.Email, 200)
	maxLen(v, prefix+".address", p.Address, 500)
}

// DateRange bounds a list or a report by the record's own date, inclusive;
// a zero end is open.
type DateRange struct {
	From Date
	To   Date
}

// Page selects one page of a list.
type Page struct {
	Page    int
	PerPage int
	// Sort is a field name, with a leading "-" for descending order.
	Sort string
}

// MaxPerPage is the largest page a list returns.
const MaxPerPage = 200

// Offset returns the number of rows before the page.
func (p Page) Offset() int { return (p.Page - 1) * p.PerPage }

// List is one page of records and the total that match.
type List[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

// Creator returns the id of the user who created the record.
func (r *Record) Creator() uint { return r.CreatedBy }

// RecordID returns the record's id.
func (r *Record) RecordID() uint { return r.ID }
