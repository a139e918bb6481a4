package imports

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// codesNotes explain on the "Danh mục" sheet what the reader accepts beyond
// the codes.
var codesNotes = []string{
	"Ngày nhận, Ngày xử lý: ghi dd/mm/yyyy (ví dụ 15/05/2022), yyyy-mm-dd, hoặc dùng ô kiểu ngày của Excel.",
	"Các cột có danh mục nhận mã, nhãn hoặc từ ngắn ở trên, không phân biệt hoa thường và dấu.",
	"Đơn do cơ quan khác chuyển đến: ghi ở cột Nguồn đơn «chuyển đến: tên cơ quan».",
	"Đơn không ghi tên người gửi: ghi «nặc danh» ở cột Họ tên người gửi.",
	"Nội dung tóm tắt: tối đa 500 ký tự. Ghi chú được lưu làm phần tóm tắt chi tiết của đơn.",
	"Đơn đã phân loại: ghi cả Lĩnh vực và Loại đơn. Đơn đã xử lý: ghi thêm Hướng xử lý và Ngày xử lý; chuyển cơ quan có thẩm quyền thì ghi Cơ quan chuyển đến.",
	"Một dòng có lỗi thì cả tệp không được nhập; nhập lại cùng một tệp không tạo đơn trùng (các dòng đã nhập được bỏ qua).",
}

// WriteTemplate writes the template workbook to w: the sheet "Đơn thư" with
// the headings, date and text formats and a drop-down list on every coded
// column, and the sheet "Danh mục" with the allowed codes, labels and short
// words. rows, when not nil, fill the sheet below the headings, each in the
// template's column order (text, numbers, or time.Time for a real date
// cell); tests and benchmarks build their workbooks so.
func WriteTemplate(w io.Writer, rows iter.Seq[[]any]) error {
	columns := Columns()
	return writeBook(w, Headers(), 1, func(i int) (Column, bool) { return columns[i], true },
		func(b *book, sw *excelize.StreamWriter) error {
			if rows == nil {
				return nil
			}
			n := 1
			for row := range rows {
				n++
				if err := sw.SetRow(cellName(1, n), b.styled(row)); err != nil {
					return err
				}
			}
			return nil
		})
}

// WriteErrors writes the sheet back as it was read, each row at its own
// row number, with a "Lỗi" column giving the reasons of every bad cell.
// Corrected, the workbook can be imported again: the reader ignores "Lỗi".
func (s *Sheet) WriteErrors(w io.Writer, errs []CellError) error {
	byRow := map[int][]string{}
	for _, e := range errs {
		byRow[e.Row] = append(byRow[e.Row], e.Column+": "+e.Message)
	}
	header := append([]string(nil), s.Header...)
	errCol := len(header)
	for i, h := range header {
		if key(h) == key(ErrorHeader) {
			errCol = i
		}
	}
	if errCol == len(header) {
		header = append(header, ErrorHeader)
	}
	columnAt := map[int]Column{}
	for c, i := range s.index {
		if i >= 0 {
			columnAt[i] = Column(c)
		}
	}
	return writeBook(w, header, s.HeaderRow, func(i int) (Column, bool) { c, ok := columnAt[i]; return c, ok },
		func(b *book, sw *excelize.StreamWriter) error {
			for _, r := range s.Rows {
				cells := make([]any, len(header))
				for i := range cells {
					if i < len(r.Cells) {
						cells[i] = b.cellOf(s, r.Cells[i], columnAt, i)
					}
				}
				if msgs := byRow[r.Number]; len(msgs) > 0 {
					cells[errCol] = excelize.Cell{StyleID: b.errStyle, Value: strings.Join(msgs, "\n")}
				} else {
					cells[errCol] = nil
				}
				if err := sw.SetRow(cellName(1, r.Number), cells); err != nil {
					return err
				}
			}
			return nil
		})
}

// book is a workbook being written, with its styles.
type book struct {
	f                                         *excelize.File
	headStyle, dateStyle, textStyle, errStyle int
}

// writeBook writes the register sheet (headings at row headRow, formats and
// drop-downs by the column each position holds, then the rows body writes)
// and the "Danh mục" sheet, then the whole workbook to w.
func writeBook(w io.Writer, header []string, headRow int, columnAt func(int) (Column, bool), body func(*book, *excelize.StreamWriter) error) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	b := &book{f: f}
	if err := b.newStyles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetLetters); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetCodes); err != nil {
		return err
	}
	ranges, err := b.writeCodes()
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetLetters)
	if err != nil {
		return err
	}
	if err := b.layout(sw, header, headRow, columnAt, ranges); err != nil {
		return err
	}
	if err := body(b, sw); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func (b *book) newStyles() (err error) {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	dateFormat, textFormat := "dd/mm/yyyy", 49 // 49 is "@": text, so ID numbers keep their leading zeros
	styles := []struct {
		id    *int
		style excelize.Style
	}{
		{&b.headStyle, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.dateStyle, excelize.Style{CustomNumFmt: &dateFormat}},
		{&b.textStyle, excelize.Style{NumFmt: textFormat}},
		{&b.errStyle, excelize.Style{Font: &excelize.Font{Color: "C00000"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4E4"}}}},
	}
	for _, s := range styles {
		if *s.id, err = b.f.NewStyle(&s.style); err != nil {
			return err
		}
	}
	return nil
}

// layout sets widths, formats, frozen headings and drop-downs, then writes
// the headings; the stream writer needs all of it before the first row.
func (b *book) layout(sw *excelize.StreamWriter, header []string, headRow int, columnAt func(int) (Column, bool), ranges map[Column]string) error {
	for i := range header {
		col, width, style := i+1, 18.0, 0
		c, known := columnAt(i)
		switch {
		case known && c.isDate():
			style = b.dateStyle
		case known && c == ColIDNumber:
			style = b.textStyle
		}
		if known {
			width = columnSpecs[c].width
		}
		if key(header[i]) == key(ErrorHeader) {
			width = 60
		}
		if err := sw.SetColWidth(col, col, width); err != nil {
			return err
		}
		if style != 0 {
			if err := sw.SetColStyle(col, col, style); err != nil {
				return err
			}
		}
		if rng, ok := ranges[c]; ok && known {
			if err := b.dropDown(i, headRow, rng); err != nil {
				return err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: cellName(1, headRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: b.headStyle, Value: h}
	}
	return sw.SetRow(cellName(1, headRow), cells, excelize.RowOpts{Height: 32})
}

// dropDown offers the labels of the "Danh mục" sheet in a coded column.
// Other values stay allowed (no error alert): codes and short words are
// accepted too, and the import reports what it does not know.
func (b *book) dropDown(i, headRow int, labels string) error {
	col, err := excelize.ColumnNumberToName(i + 1)
	if err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col, headRow+1, col, excelize.TotalRows))
	dv.SetSqrefDropList(labels)
	return b.f.AddDataValidation(SheetLetters, dv)
}

// writeCodes fills the "Danh mục" sheet and returns, for each coded
// column, the range of its labels for the drop-downs.
func (b *book) writeCodes() (map[Column]string, error) {
	f := b.f
	rows := [][]any{{"Cột", "Mã", "Nhãn", "Cũng chấp nhận"}}
	ranges := map[Column]string{}
	for _, v := range vocabs {
		first := len(rows) + 1
		for _, ch := range v.choices {
			rows = append(rows, []any{v.column.Header(), ch.Code, ch.Label, strings.Join(ch.Aliases, "; ")})
		}
		ranges[v.column] = fmt.Sprintf("'%s'!$C$%d:$C$%d", SheetCodes, first, len(rows))
	}
	rows = append(rows, []any{}, []any{"Họ tên người gửi", "", AnonymousWords[0], strings.Join(AnonymousWords[1:], "; ")}, []any{})
	for _, note := range codesNotes {
		rows = append(rows, []any{note})
	}
	for i, row := range rows {
		if err := f.SetSheetRow(SheetCodes, cellName(1, i+1), &row); err != nil {
			return nil, err
		}
	}
	for col, width := range map[string]float64{"A": 20, "B": 14, "C": 48, "D": 60} {
		if err := f.SetColWidth(SheetCodes, col, col, width); err != nil {
			return nil, err
		}
	}
	return ranges, f.SetCellStyle(SheetCodes, "A1", "D1", b.headStyle)
}

// styled gives template rows their cell formats: dates as dates, and ID
// numbers as text.
func (b *book) styled(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		switch x := v.(type) {
		case time.Time:
			out[i] = excelize.Cell{StyleID: b.dateStyle, Value: x}
		default:
			out[i] = v
		}
	}
	return out
}

// cellOf writes a cell of the errors workbook back as it was read: a day
// number in a date column as a date cell, everything else as text, so that
// the workbook reads back the same.
func (b *book) cellOf(s *Sheet, cell string, columnAt map[int]Column, i int) any {
	if c, ok := columnAt[i]; ok && c.isDate() {
		if serial, err := strconv.ParseFloat(cell, 64); err == nil {
			if d, ok := serialDate(serial, s.date1904); ok {
				return excelize.Cell{StyleID: b.dateStyle, Value: d.Time()}
			}
		}
	}
	if cell == "" {
		return nil
	}
	return cell
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
