package imports

import (
	"fmt"
	"strconv"
	"strings"

	"kntc/models"
)

// Entry is one row read into typed values. Its business rules are not yet
// checked: the services do that through the same validation as the API.
type Entry struct {
	// Row is the worksheet row the entry came from.
	Row           int
	ReceivedOn    models.Date
	Source        models.Source
	ForwardedFrom string
	SenderName    string
	Anonymous     bool
	IDNumber      string
	Address       string
	// SignerCount is 0 when the cell is blank (the default applies).
	SignerCount   int
	Content       string
	Domain        models.Domain
	Kind          models.Kind
	Outcome       models.Outcome
	HandledOn     models.Date
	TransferredTo string
	Note          string
}

// CellError says in Vietnamese why one cell cannot be imported.
type CellError struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

// CellError returns the error of column c in row r, with the cell's value.
func (s *Sheet) CellError(r Row, c Column, message string) CellError {
	return CellError{Row: r.Number, Column: c.Header(), Value: s.Value(r, c), Message: message}
}

// maxCount bounds the number of signers a cell may give.
const maxCount = 100_000

// Parse reads one row into an entry, reporting every cell whose text is not
// a date, a number or a code where one is wanted. Blank cells are left
// empty for the validation to judge.
func (s *Sheet) Parse(r Row) (Entry, []CellError) {
	p := rowParser{s: s, r: r}
	e := Entry{Row: r.Number}
	e.ReceivedOn = p.date(ColReceivedOn)
	e.Source, e.ForwardedFrom = p.source()
	e.SenderName = p.text(ColSenderName)
	if anonymousKeys[key(e.SenderName)] {
		e.SenderName, e.Anonymous = "", true
	}
	e.IDNumber = p.text(ColIDNumber)
	e.Address = p.text(ColAddress)
	e.SignerCount = p.count(ColSignerCount)
	e.Content = p.text(ColContent)
	e.Domain = models.Domain(p.code(domainVocab))
	e.Kind = models.Kind(p.code(kindVocab))
	e.Outcome = models.Outcome(p.code(outcomeVocab))
	e.HandledOn = p.date(ColHandledOn)
	e.TransferredTo = p.text(ColTransferredTo)
	e.Note = p.text(ColNote)
	return e, p.errs
}

// rowParser reads the cells of one row and collects their errors.
type rowParser struct {
	s    *Sheet
	r    Row
	errs []CellError
}

func (p *rowParser) fail(c Column, message string) {
	p.errs = append(p.errs, p.s.CellError(p.r, c, message))
}

// text returns the cell in NFC, trimmed, as every stored text is.
func (p *rowParser) text(c Column) string { return models.NFC(p.s.Cell(p.r, c)) }

func (p *rowParser) date(c Column) models.Date {
	cell := p.text(c)
	if cell == "" {
		return models.Date{}
	}
	d, ok := parseDate(cell, p.s.date1904)
	if !ok {
		p.fail(c, "Ngày không hợp lệ: ghi ngày có thật dạng dd/mm/yyyy (ví dụ 15/05/2022) hoặc yyyy-mm-dd.")
	}
	return d
}

func (p *rowParser) count(c Column) int {
	cell := p.text(c)
	if cell == "" {
		return 0
	}
	n, ok := parseCount(cell)
	if !ok || n < 1 || n > maxCount {
		p.fail(c, "Số người ký phải là số nguyên từ 1 trở lên.")
		return 0
	}
	return n
}

func (p *rowParser) code(v vocab) string {
	cell := p.text(v.column)
	if cell == "" {
		return ""
	}
	code, ok := v.match(cell)
	if !ok {
		p.fail(v.column, unknownChoice(v))
	}
	return code
}

// source reads the source and, for a letter forwarded by another agency,
// the agency written after a colon: "chuyển đến: Ban Tiếp công dân Trung ương".
func (p *rowParser) source() (models.Source, string) {
	cell := p.text(ColSource)
	if cell == "" {
		return "", ""
	}
	if code, ok := sourceVocab.match(cell); ok {
		return models.Source(code), ""
	}
	if head, agency, found := strings.Cut(cell, ":"); found {
		if code, ok := sourceVocab.match(head); ok && models.Source(code) == models.SourceForwarded {
			return models.SourceForwarded, models.NFC(agency)
		}
	}
	p.fail(ColSource, unknownChoice(sourceVocab))
	return "", ""
}

// unknownChoice explains a value outside a column's vocabulary, with the
// short words it accepts.
func unknownChoice(v vocab) string {
	words := make([]string, 0, len(v.choices))
	for _, ch := range v.choices {
		w := ch.Label
		if len(ch.Aliases) > 0 {
			w = ch.Aliases[0]
		}
		words = append(words, strconv.Quote(w))
	}
	return fmt.Sprintf("Không có trong danh mục %s; ghi mã hoặc nhãn ở trang %s, ví dụ %s.",
		v.column.Header(), SheetCodes, strings.Join(words, ", "))
}
