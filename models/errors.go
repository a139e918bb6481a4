package models

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ErrorCode classifies an error for clients; handlers map each code to one HTTP status.
type ErrorCode string

// The error codes of the API contract.
const (
	CodeInvalid          ErrorCode = "invalid"
	CodeUnauthorized     ErrorCode = "unauthorized"
	CodeForbidden        ErrorCode = "forbidden"
	CodeNotFound         ErrorCode = "not_found"
	CodeConflict         ErrorCode = "conflict"
	CodeTooLarge         ErrorCode = "too_large"
	CodeUnsupportedMedia ErrorCode = "unsupported_media"
	CodeInternal         ErrorCode = "internal"
)

// FieldError names one rejected input field and says why in Vietnamese.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the one error type of kntc: a code, a Vietnamese message for the
// user, optional field errors, and the cause, which is never shown to users.
type Error struct {
	Code    ErrorCode
	Message string
	Fields  []FieldError
	// Current carries the record as it stands when an update was stale.
	Current any
	Err     error
}

// Error implements error; it includes the cause for logs.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an Error with a formatted Vietnamese message.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected cause; its message never reveals the cause.
func Internal(err error) *Error {
	return &Error{Code: CodeInternal, Message: "Lỗi hệ thống, vui lòng thử lại sau.", Err: err}
}

// NotFound reports a missing record of the named kind (a Vietnamese noun).
func NotFound(what string) *Error {
	return Errorf(CodeNotFound, "Không tìm thấy %s.", what)
}

// Forbidden reports an action outside the user's role.
func Forbidden() *Error {
	return Errorf(CodeForbidden, "Bạn không có quyền thực hiện thao tác này.")
}

// InvalidField reports one rejected input field; the message serves as both
// the problem's detail and the field's error.
func InvalidField(field, message string) *Error {
	return &Error{Code: CodeInvalid, Message: message, Fields: []FieldError{{Field: field, Message: message}}}
}

// CodeOf returns the code of err, mapping GORM's and the drivers' well-known
// errors (not found, duplicate key, foreign key) to the API's codes.
func CodeOf(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return CodeNotFound
	case errors.Is(err, gorm.ErrDuplicatedKey), isDuplicateKey(err):
		return CodeConflict
	case errors.Is(err, gorm.ErrForeignKeyViolated), isForeignKey(err):
		return CodeInvalid
	}
	return CodeInternal
}

// AsError converts any error into an *Error, keeping the cause.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	switch CodeOf(err) {
	case CodeNotFound:
		return &Error{Code: CodeNotFound, Message: "Không tìm thấy bản ghi.", Err: err}
	case CodeConflict:
		return &Error{Code: CodeConflict, Message: "Bản ghi đã tồn tại.", Err: err}
	case CodeInvalid:
		return &Error{Code: CodeInvalid, Message: "Bản ghi liên kết không tồn tại.", Err: err}
	}
	return Internal(err)
}

// isDuplicateKey recognises unique-constraint errors of SQLite and PostgreSQL
// by text, because GORM translates them only when TranslateError is on and the
// drivers' error types would tie models to both drivers.
func isDuplicateKey(err error) bool {
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505")
}

// isForeignKey recognises foreign-key violations of SQLite and PostgreSQL.
func isForeignKey(err error) bool {
	s := err.Error()
	return strings.Contains(s, "FOREIGN KEY constraint failed") || strings.Contains(s, "SQLSTATE 23503")
}

// Validation collects field errors; its Err method returns nil when none.
type Validation struct {
	Fields []FieldError
}

// Add records one field error.
func (v *Validation) Add(field, message string) {
	v.Fields = append(v.Fields, FieldError{Field: field, Message: message})
}

// Addf records one field error with a formatted message.
func (v *Validation) Addf(field, format string, args ...any) {
	v.Add(field, fmt.Sprintf(format, args...))
}

// Has reports whether field already has an error.
func (v *Validation) Has(field string) bool {
	for _, f := range v.Fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns an invalid-input Error listing the fields, or nil.
func (v *Validation) Err() error {
	if len(v.Fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Message: "Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được nêu.", Fields: v.Fields}
}
