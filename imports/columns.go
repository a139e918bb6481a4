// Package imports reads the letter registers that offices kept in Excel and
// writes the template workbook they fill in. It is pure: a workbook comes in,
// rows and cell errors go out. It opens no database and knows no HTTP; the
// services turn its rows into letters through the same validation as the API.
// It uses models only for the vocabulary, Date and Fold.
package imports

import (
	"strings"
	"unicode"

	"kntc/models"
)

// Sheet and column names of the template, in Vietnamese as the office reads them.
const (
	SheetLetters = "Đơn thư"
	SheetCodes   = "Danh mục"
	// ErrorHeader heads the column the errors workbook adds; the reader
	// ignores it, so a corrected errors workbook can be imported again.
	ErrorHeader = "Lỗi"
)

// Column is one column of the register that the reader understands.
type Column int

// The columns of the template, in their order.
const (
	ColReceivedOn Column = iota
	ColSource
	ColSenderName
	ColIDNumber
	ColAddress
	ColSignerCount
	ColContent
	ColDomain
	ColKind
	ColOutcome
	ColHandledOn
	ColTransferredTo
	ColNote
	numColumns
)

// columnSpec is how a column is headed in the template, which other headings
// older registers use for it, and how wide the template draws it.
type columnSpec struct {
	header   string
	aliases  []string
	required bool
	width    float64
}

var columnSpecs = [numColumns]columnSpec{
	ColReceivedOn:    {"Ngày nhận", []string{"Ngày nhận đơn", "Ngày tiếp nhận", "Ngày nhận đơn thư"}, true, 12},
	ColSource:        {"Nguồn đơn", []string{"Nguồn", "Nguồn tiếp nhận"}, true, 22},
	ColSenderName:    {"Họ tên người gửi", []string{"Họ và tên người gửi", "Người gửi", "Họ tên", "Họ và tên", "Người đứng đơn"}, true, 26},
	ColIDNumber:      {"Số CCCD", []string{"CCCD", "Số CMND", "CMND", "Số CCCD/CMND", "Số CMND/CCCD", "Số định danh"}, false, 15},
	ColAddress:       {"Địa chỉ", []string{"Địa chỉ người gửi", "Nơi cư trú"}, false, 30},
	ColSignerCount:   {"Số người ký", []string{"Số người đứng tên", "Số người ký tên"}, false, 10},
	ColContent:       {"Nội dung tóm tắt", []string{"Nội dung", "Tóm tắt nội dung", "Trích yếu", "Nội dung đơn"}, true, 45},
	ColDomain:        {"Lĩnh vực", nil, false, 20},
	ColKind:          {"Loại đơn", []string{"Phân loại đơn", "Loại"}, false, 18},
	ColOutcome:       {"Hướng xử lý", []string{"Kết quả xử lý", "Xử lý"}, false, 22},
	ColHandledOn:     {"Ngày xử lý", nil, false, 12},
	ColTransferredTo: {"Cơ quan chuyển đến", []string{"Chuyển đến cơ quan", "Nơi chuyển đến", "Cơ quan nhận đơn chuyển"}, false, 28},
	ColNote:          {"Ghi chú", nil, false, 30},
}

// Columns lists the columns in the template's order.
func Columns() []Column {
	out := make([]Column, numColumns)
	for i := range out {
		out[i] = Column(i)
	}
	return out
}

// Header returns the column's heading in the template.
func (c Column) Header() string { return columnSpecs[c].header }

// Headers returns the template's headings in order.
func Headers() []string {
	out := make([]string, numColumns)
	for i, s := range columnSpecs {
		out[i] = s.header
	}
	return out
}

// isDate reports whether the column holds dates.
func (c Column) isDate() bool { return c == ColReceivedOn || c == ColHandledOn }

// columnByHeader finds the column a heading names, ignoring case,
// diacritics and punctuation, so "NGÀY NHẬN" and "Ngay nhan" both match.
var columnByHeader = func() map[string]Column {
	m := map[string]Column{}
	for i, s := range columnSpecs {
		m[key(s.header)] = Column(i)
		for _, a := range s.aliases {
			m[key(a)] = Column(i)
		}
	}
	return m
}()

// key folds a heading or a label for comparison: Vietnamese diacritics and
// case removed, and every run of punctuation or spaces made one space, so
// "văn hoá – xã hội" and "Van hoa xa hoi" compare equal.
func key(s string) string {
	folded := models.Fold(s)
	var b strings.Builder
	b.Grow(len(folded))
	space := true
	for _, r := range folded {
		if isWordRune(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
