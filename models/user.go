package models

import (
	"encoding/json"
	"regexp"
	"time"
	"unicode/utf8"
)

// User is a person who signs in. Password holds only a slow salted hash.
type User struct {
	ID           uint      `gorm:"primaryKey" json:"id"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	CreatedBy    uint      `json:"created_by"`
	Version      int       `gorm:"not null;default:1" json:"version"`
	Username     string    `gorm:"size:50;not null;uniqueIndex" json:"username"`
	FullName     string    `gorm:"size:200" json:"full_name"`
	Role         Role      `gorm:"size:20;not null" json:"role"`
	Active       bool      `gorm:"not null;default:true" json:"active"`
	PasswordHash string    `gorm:"size:200;not null" json:"-"`
}

// MarshalJSON adds the role label.
func (u User) MarshalJSON() ([]byte, error) {
	type plain User
	return json.Marshal(struct {
		plain
		RoleLabel *string `json:"role_label"`
	}{plain(u), labelPtr(u.Role.Label())})
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,49}$`)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// Validate checks the user's fields.
func (u *User) Validate() error {
	var v Validation
	u.FullName = NFC(u.FullName)
	if !usernamePattern.MatchString(u.Username) {
		v.Add("username", "Tên đăng nhập gồm 2–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.")
	}
	maxLen(&v, "full_name", u.FullName, 200)
	validCode(&v, "role", u.Role, true)
	return v.Err()
}

// ValidatePassword checks the password policy.
func ValidatePassword(v *Validation, field, password string) {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		v.Addf(field, "Mật khẩu phải có ít nhất %d ký tự.", MinPasswordLength)
	case n > 72:
		v.Add(field, "Mật khẩu không được dài quá 72 ký tự.")
	}
}

// AuthToken is a bearer or session token; only its SHA-256 is stored, so a
// copy of the database does not let anyone sign in.
type AuthToken struct {
	ID        uint   `gorm:"primaryKey"`
	TokenHash string `gorm:"size:64;not null;uniqueIndex"`
	UserID    uint   `gorm:"not null;index"`
	CreatedAt time.Time
	ExpiresAt time.Time `gorm:"not null;index"`
}

// AuditEntry records who did what to which record, and when.
type AuditEntry struct {
	ID       uint      `gorm:"primaryKey" json:"id"`
	At       time.Time `gorm:"not null;index" json:"at"`
	UserID   *uint     `gorm:"index" json:"user_id"`
	Username string    `gorm:"size:50" json:"username"`
	Action   string    `gorm:"size:30;not null;index" json:"action"`
	Entity   string    `gorm:"size:30;index:idx_audit_entity,priority:1" json:"entity"`
	EntityID uint      `gorm:"index:idx_audit_entity,priority:2" json:"entity_id"`
	// Changes maps each changed field to its old and new value, with
	// protected identity masked.
	Changes map[string]Change `gorm:"serializer:json" json:"changes,omitempty"`
	Detail  string            `gorm:"size:1000" json:"detail,omitempty"`
}

// Change is the old and new value of one field.
type Change struct {
	From any `json:"from"`
	To   any `json:"to"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity   string
	EntityID *uint
	UserID   *uint
	Action   string
	Range    DateRange
}

// LetterCounter holds the last register number used in a year; bumping it
// inside the letter's own transaction makes numbers gapless and unique.
type LetterCounter struct {
	Year int `gorm:"primaryKey;autoIncrement:false"`
	Last int `gorm:"not null"`
}
