package handlers

import (
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"kntc/models"
)

// form is a page form or filter: the values as the user typed them, so that a
// refused form comes back exactly as it was sent, and the Vietnamese message
// of each refused field, keyed by the field names of the models (the inputs
// carry those names, e.g. "senders[0].full_name").
type form struct {
	values url.Values
	errs   map[string]string
	order  []string // refused fields in the order they were refused
	// idPrefix keeps field ids unique when a page has several forms.
	idPrefix string
	// Message sums up a refusal above the form.
	Message string
}

// newForm wraps the sent values; nil starts an empty form. idPrefix, if
// given, prefixes the ids of its fields.
func newForm(values url.Values, idPrefix ...string) *form {
	if values == nil {
		values = url.Values{}
	}
	return &form{values: values, errs: map[string]string{}, idPrefix: strings.Join(idPrefix, "")}
}

// Get returns the value typed into a field.
func (f *form) Get(name string) string { return f.values.Get(name) }

// Set puts a value into a field, for defaults such as today's date.
func (f *form) Set(name, value string) { f.values.Set(name, value) }

// Err returns the message of a refused field.
func (f *form) Err(name string) string { return f.errs[name] }

// HasErrors reports whether anything was refused.
func (f *form) HasErrors() bool { return len(f.errs) > 0 || f.Message != "" }

// Errors lists the refused fields with their label, for the summary above
// the form; each links to its field.
func (f *form) Errors() []fieldView {
	out := make([]fieldView, 0, len(f.order))
	for _, name := range f.order {
		out = append(out, fieldView{Name: name, ID: f.fieldID(name), Label: fieldLabel(name), Error: f.errs[name]})
	}
	return out
}

// fail records a field's message; the first message of a field wins.
func (f *form) fail(name, message string) {
	if _, ok := f.errs[name]; !ok {
		f.errs[name] = message
		f.order = append(f.order, name)
	}
}

// refuse takes the field messages of an invalid-input or conflict error and
// reports true; any other error is not the form's to show.
func (f *form) refuse(err error) bool {
	var e *models.Error
	if !errors.As(err, &e) || (e.Code != models.CodeInvalid && e.Code != models.CodeConflict) {
		return false
	}
	f.Message = e.Message
	for _, fe := range e.Fields {
		f.fail(fe.Field, fe.Message)
	}
	return true
}

// text returns a trimmed text field.
func (f *form) text(name string) string { return strings.TrimSpace(f.Get(name)) }

// datePattern accepts the Vietnamese dd/mm/yyyy (one-digit day and month
// too) besides the ISO form that date pickers and links send.
var datePattern = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// date reads an optional date field; a malformed one is refused here, before
// any service sees it.
func (f *form) date(name string) models.Date {
	s := f.text(name)
	if s == "" {
		return models.Date{}
	}
	if m := datePattern.FindStringSubmatch(s); m != nil {
		s = m[3] + "-" + pad2(m[2]) + "-" + pad2(m[1])
	}
	d, err := models.ParseDate(s)
	if err != nil {
		f.fail(name, "Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy với ngày có thật.")
	}
	return d
}

// pad2 writes a one-digit day or month with a leading zero.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// int reads an optional whole number; empty gives def.
func (f *form) int(name string, def int) int {
	s := f.text(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	if err != nil {
		f.fail(name, "Phải là số nguyên.")
		return def
	}
	return n
}

// id reads an optional record number.
func (f *form) id(name string) *uint {
	s := strings.TrimPrefix(f.text(name), "#")
	if s == "" {
		return nil
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		f.fail(name, "Phải là số hiệu bản ghi (số nguyên dương).")
		return nil
	}
	id := uint(n)
	return &id
}

// ids reads a list of record numbers separated by commas or spaces, or
// given as several values (a multiple select).
func (f *form) ids(name string) []uint {
	var out []uint
	for _, v := range f.values[name] {
		for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			n, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 10, 32)
			if err != nil || n == 0 {
				f.fail(name, "Ghi số hiệu vụ việc, cách nhau bằng dấu phẩy, ví dụ: 12, 15.")
				return nil
			}
			out = append(out, uint(n))
		}
	}
	return out
}

// yesNo reads a yes/no radio group: nil until one is chosen.
func (f *form) yesNo(name string) *bool {
	switch f.Get(name) {
	case "true":
		b := true
		return &b
	case "false":
		b := false
		return &b
	}
	return nil
}

// checked reports whether a checkbox was ticked.
func (f *form) checked(name string) bool { return f.Get(name) != "" }

// person reads the fields of a person under prefix ("representative").
func (f *form) person(prefix string) models.Person {
	return models.Person{FullName: f.text(prefix + ".full_name"), IDNumber: f.text(prefix + ".id_number"),
		Phone: f.text(prefix + ".phone"), Email: f.text(prefix + ".email"), Address: f.text(prefix + ".address")}
}

// setPerson fills the fields of a person under prefix, for a form that
// starts from a record.
func (f *form) setPerson(prefix string, p models.Person) {
	f.Set(prefix+".full_name", p.FullName)
	f.Set(prefix+".id_number", p.IDNumber)
	f.Set(prefix+".phone", p.Phone)
	f.Set(prefix+".address", p.Address)
}

// setDate fills a date field in the Vietnamese form.
func (f *form) setDate(name string, d models.Date) { f.Set(name, d.VN()) }

// dateRange reads the from and to filters of a list.
func (f *form) dateRange() models.DateRange {
	r := models.DateRange{From: f.date("from"), To: f.date("to")}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		f.fail("to", "Ngày kết thúc không được trước ngày bắt đầu.")
	}
	return r
}

// page reads the page number of a list.
func (f *form) page(perPage int) models.Page {
	n := f.int("page", 1)
	if n < 1 {
		n = 1
	}
	return models.Page{Page: n, PerPage: perPage}
}

// formCode reads an enum field of a filter; an unknown code is refused
// here, since list filters reach no validation in the services.
func formCode[E interface {
	~string
	Valid() bool
}](f *form, name string) E {
	e := E(f.text(name))
	if e != "" && !e.Valid() {
		f.fail(name, "Giá trị không thuộc danh mục.")
		return ""
	}
	return e
}
