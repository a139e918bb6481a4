package imports

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kntc/models"
)

// Limits of what the reader accepts, so that one upload cannot exhaust the
// server: a zip bomb stops at MaxUnzipped, a sheet at MaxRows.
const (
	MaxRows     = 100_000
	MaxUnzipped = 512 << 20
	// headerScan is how many rows above the table a register may use for
	// its title before the row of headings.
	headerScan = 20
)

// Sheet is the register read from a workbook: its row of headings and every
// non-blank row below it, as text.
type Sheet struct {
	// Name is the worksheet read: "Đơn thư", or else the first one.
	Name string
	// Header holds the headings as written, in the sheet's column order.
	Header []string
	// HeaderRow is the worksheet row of the headings.
	HeaderRow int
	Rows      []Row
	date1904  bool
	// index is the position in Header of each known column, -1 when absent.
	index [numColumns]int
}

// Row is one non-blank row below the headings.
type Row struct {
	// Number is the row number Excel shows, which every error message names.
	Number int
	// Cells are the row's cells as text, in the sheet's column order; a date
	// cell holds Excel's day number.
	Cells []string
}

// oleMagic starts the old binary .xls format (and encrypted workbooks).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read reads the register from an .xlsx workbook, streaming its rows. A file
// that is not a workbook is an unsupported-media error; a workbook without
// the register's headings is invalid.
func Read(r io.Reader) (sheet *Sheet, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, models.Errorf(models.CodeInvalid, "Không đọc được tệp gửi lên.")
	}
	if bytes.HasPrefix(data, oleMagic) {
		return nil, models.Errorf(models.CodeUnsupportedMedia, "Tệp là định dạng Excel cũ (.xls) hoặc có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx.")
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, models.Errorf(models.CodeUnsupportedMedia, "Tệp không phải bảng tính Excel (.xlsx).")
	}
	// excelize parses untrusted XML and zip data: a panic in it must come
	// back as a rejected file, not take down the request.
	defer func() {
		if p := recover(); p != nil {
			sheet, err = nil, notWorkbook(fmt.Errorf("excelize panic: %v", p))
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxUnzipped})
	if err != nil {
		return nil, notWorkbook(err)
	}
	defer f.Close()
	s := &Sheet{Name: pickSheet(f)}
	if s.Name == "" {
		return nil, notWorkbook(nil)
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	if err := s.readRows(f); err != nil {
		return nil, err
	}
	return s, nil
}

// notWorkbook is the error of a file that excelize cannot read; the cause
// stays out of the message.
func notWorkbook(cause error) error {
	return &models.Error{Code: models.CodeInvalid, Message: "Tệp không đọc được như một bảng tính Excel (.xlsx); hãy mở bằng Excel và lưu lại.", Err: cause}
}

// pickSheet prefers the template's sheet, by its name folded, and falls
// back to the first sheet, where offices keep their own registers.
func pickSheet(f *excelize.File) string {
	names := f.GetSheetList()
	for _, n := range names {
		if key(n) == key(SheetLetters) {
			return n
		}
	}
	if len(names) > 0 {
		return names[0]
	}
	return ""
}

// readRows streams the sheet: rows above the headings are skipped, and
// blank rows below them too.
func (s *Sheet) readRows(f *excelize.File) error {
	rows, err := f.Rows(s.Name)
	if err != nil {
		return notWorkbook(err)
	}
	defer rows.Close()
	// Rows.Next counts every row number, also those missing from the file,
	// so n is the row number Excel shows.
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return notWorkbook(err)
		}
		if s.Header == nil {
			if n > headerScan {
				break
			}
			if s.findHeader(cells) {
				s.HeaderRow = n
			}
			continue
		}
		if blank(cells) {
			continue
		}
		if len(s.Rows) == MaxRows {
			return models.Errorf(models.CodeInvalid, "Trang %q có hơn %d dòng; hãy chia thành nhiều tệp.", s.Name, MaxRows)
		}
		s.Rows = append(s.Rows, Row{Number: n, Cells: cells})
	}
	if err := rows.Error(); err != nil {
		return notWorkbook(err)
	}
	if s.Header == nil {
		return models.Errorf(models.CodeInvalid, "Không tìm thấy dòng tiêu đề (có các cột %s…) trong %d dòng đầu của trang %q; hãy dùng tệp mẫu.",
			strings.Join(Headers()[:3], ", "), headerScan, s.Name)
	}
	return s.checkColumns()
}

// findHeader takes cells as the headings when they name the received date
// and at least two other columns.
func (s *Sheet) findHeader(cells []string) bool {
	var index [numColumns]int
	for i := range index {
		index[i] = -1
	}
	found := 0
	for i, cell := range cells {
		c, ok := columnByHeader[key(cell)]
		if !ok {
			continue
		}
		if index[c] >= 0 {
			continue // a repeated heading: checkColumns reports it
		}
		index[c] = i
		found++
	}
	if index[ColReceivedOn] < 0 || found < 3 {
		return false
	}
	s.Header, s.index = cells, index
	return true
}

// checkColumns reports required columns that are missing and headings
// written twice, in one error.
func (s *Sheet) checkColumns() error {
	var v models.Validation
	for c, spec := range columnSpecs {
		if spec.required && s.index[c] < 0 {
			v.Addf(spec.header, "Thiếu cột %q.", spec.header)
		}
	}
	seen := map[Column]bool{}
	for _, h := range s.Header {
		c, ok := columnByHeader[key(h)]
		if !ok {
			continue
		}
		if seen[c] {
			v.Addf(columnSpecs[c].header, "Cột %q có hai lần.", columnSpecs[c].header)
		}
		seen[c] = true
	}
	if len(v.Fields) == 0 {
		return nil
	}
	return &models.Error{Code: models.CodeInvalid, Fields: v.Fields,
		Message: fmt.Sprintf("Các cột của trang %q không khớp với tệp mẫu.", s.Name)}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Cell returns the text of column c in row r, "" when the sheet lacks the
// column or the row is shorter.
func (s *Sheet) Cell(r Row, c Column) string {
	i := s.index[c]
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Value returns the cell as a person reads it: a date cell as dd/mm/yyyy
// rather than Excel's day number.
func (s *Sheet) Value(r Row, c Column) string {
	cell := strings.TrimSpace(s.Cell(r, c))
	if c.isDate() {
		if _, err := strconv.ParseFloat(cell, 64); err == nil {
			if d, ok := parseDate(cell, s.date1904); ok {
				return d.VN()
			}
		}
	}
	return cell
}
