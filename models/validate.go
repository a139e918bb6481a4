package models

import (
	"strconv"
	"unicode/utf8"
)

// maxLen adds an error when s has more than n characters.
func maxLen(v *Validation, field, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		v.Addf(field, "Không được dài quá %d ký tự.", n)
	}
}

// required adds an error when s is empty.
func required(v *Validation, field, s string) {
	if s == "" {
		v.Add(field, "Trường này là bắt buộc.")
	}
}

// requiredText checks a required text of 1..n characters.
func requiredText(v *Validation, field, s string, n int) {
	required(v, field, s)
	maxLen(v, field, s, n)
}

// pastDate checks a required date that is not after today.
func pastDate(v *Validation, field string, d, today Date) {
	if d.IsZero() {
		v.Add(field, "Ngày là bắt buộc.")
		return
	}
	notFuture(v, field, d, today)
}

// notFuture adds an error when d is set and after today.
func notFuture(v *Validation, field string, d, today Date) {
	if !d.IsZero() && d.After(today) {
		v.Addf(field, "Ngày %s ở tương lai.", d.VN())
	}
}

// validCode adds an error when a set code is unknown; required codes must be set.
func validCode[E interface {
	~string
	Valid() bool
}](v *Validation, field string, e E, isRequired bool) {
	switch {
	case e == "" && isRequired:
		v.Add(field, "Trường này là bắt buộc.")
	case e != "" && !e.Valid():
		v.Addf(field, "Mã %q không thuộc danh mục cho phép.", string(e))
	}
}

// itoa formats a small index for field paths such as senders[0].
func itoa(i int) string { return strconv.Itoa(i) }
