// Package exports writes kntc's reports: the statistics workbook (.xlsx)
// and the narrative paragraph of the monthly report. It is a pure writer:
// figures and rows come in as plain structs with every label already in
// Vietnamese, and bytes go out to an io.Writer. It imports neither gin nor
// gorm (nor kntc/models, which would pull gorm in), so it can be tested and
// reused without a database; the services build its inputs.
package exports

import (
	"iter"
	"time"
)

// DefaultTitle heads the summary sheet when Workbook.Title is empty.
const DefaultTitle = "BÁO CÁO KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN THƯ"

// The sheet names of the statistics workbook, in their order. Clients and
// scripts find sheets by these names, so they are part of the contract.
const (
	SheetSummary   = "Tổng hợp"
	SheetFigures   = "Số liệu"
	SheetLetters   = "Xử lý đơn"
	SheetReception = "Tiếp công dân"
	SheetMeetings  = "Đối thoại - HĐTV"
	SheetRegister  = "Danh sách đơn"
	SheetChart     = "Biểu đồ"
)

// SheetNames lists the sheets of the statistics workbook in order: the
// office's own, then the inspectorate's forms (FormSheetNames), which the
// services always add. The forms come last, after the chart that belongs to
// the office's tables, so that they form one block, the same as the
// workbook of format=forms, and the office's sheets keep their places.
func SheetNames() []string {
	return append(officeSheetNames(), FormSheetNames()...)
}

// officeSheetNames lists the office's own sheets, which every statistics
// workbook has.
func officeSheetNames() []string {
	return []string{SheetSummary, SheetFigures, SheetLetters, SheetReception, SheetMeetings, SheetRegister, SheetChart}
}

// Office names the office in a report's heading and signature, as the
// office configured it.
type Office struct {
	ParentName  string // e.g. ỦY BAN NHÂN DÂN TỈNH TÂY NINH
	Name        string // e.g. VĂN PHÒNG
	Place       string // written before the date, e.g. Tây Ninh
	SignerTitle string // e.g. CHÁNH VĂN PHÒNG
	SignerName  string
}

// Workbook is everything the statistics workbook shows. The services fill
// it from the records; the writer only lays it out.
type Workbook struct {
	Office Office
	// Title heads the summary; empty means DefaultTitle.
	Title string
	// Period is the label of the reported period, e.g. "tháng 5 năm 2022".
	Period string
	// From and To are the period's first and last days.
	From, To time.Time
	// Date is written above the signature ("Tây Ninh, ngày 05 tháng 6 năm
	// 2022"); zero leaves the line out.
	Date time.Time
	// Columns label the summary's value columns: the period, the previous
	// period and the same period a year before.
	Columns [3]string
	// Summary is the indicators table of the printable first sheet.
	Summary []SummaryRow
	// Figures are every figure of the period, one per row of "Số liệu".
	Figures []Figure
	// ByDomainKind and ByOutcomeKind are the letter cross tables of "Xử lý
	// đơn"; the chart draws the row and column totals of ByDomainKind.
	ByDomainKind  CrossTable
	ByOutcomeKind CrossTable
	// Reception holds one row per reception type (regular, periodic, ad hoc).
	Reception []ReceptionRow
	// HostLevels holds one row per host level of leaders' sessions.
	HostLevels []HostLevelRow
	// Sessions lists the leaders' reception sessions of the period.
	Sessions []Session
	// Dialogues and CouncilMeetings list the meetings of the period.
	Dialogues       []Meeting
	CouncilMeetings []Meeting
	// Letters yields the register rows in order; it is read once, while the
	// sheet is streamed, so that a year of letters never sits in memory. An
	// error stops the workbook. Nil means no rows.
	Letters iter.Seq2[LetterRow, error]
	// Forms are the inspectorate's data tables, one sheet each after the
	// office's sheets, in order.
	Forms []Form
}

// SummaryRow is one line of the summary table. A row without Values is a
// heading.
type SummaryRow struct {
	No    string // numbering: "I", "1", "-" or empty
	Label string
	// Values are the figures of the period, the previous period and the same
	// period a year before; nil for a heading.
	Values []int
	Bold   bool
}

// Figure is one figure of the statistics, named by its JSON path.
type Figure struct {
	Code  string // JSON path, e.g. letters.by_domain.land
	Label string // Vietnamese description
	Value int
}

// CrossTable counts letters by two classifications; the writer adds the
// totals of every row and column.
type CrossTable struct {
	Title   string
	Corner  string   // header of the label column, e.g. "Lĩnh vực"
	Columns []string // column labels
	Rows    []CrossRow
}

// CrossRow is one row of a CrossTable, one value per column.
type CrossRow struct {
	Label  string
	Values []int
}

// ReceptionRow is the reception of one type (thường xuyên, định kỳ, đột
// xuất) in the period.
type ReceptionRow struct {
	Label       string
	Sessions    int // kỳ tiếp
	Visits      int // lượt tiếp
	People      int // người
	Cases       int // vụ việc
	NewCases    int // vụ việc tiếp lần đầu
	RepeatCases int // vụ việc tiếp nhiều lần
	Groups      int // đoàn đông người
}

// HostLevelRow is the reception by leaders of one level in the period.
type HostLevelRow struct {
	Label    string
	Sessions int
	Visits   int
	People   int
	Cases    int
}

// Session is one leader's reception session (kỳ tiếp).
type Session struct {
	Date      time.Time
	Type      string // tiếp định kỳ / tiếp đột xuất
	HostLevel string
	HostName  string
	HostTitle string
	Location  string
	Visits    int
	People    int
}

// Meeting is one dialogue or advisory council meeting with the titles of
// the cases it discussed.
type Meeting struct {
	Date     time.Time
	Chair    string
	Location string
	Cases    []string
}

// LetterRow is one line of the letter register sheet. Senders is already
// masked when the reader may not see a denouncer's identity.
type LetterRow struct {
	Code       string
	ReceivedOn time.Time
	Source     string
	Senders    string
	Subject    string
	Domain     string
	Kind       string
	Outcome    string
	HandledOn  time.Time // zero when not handled
}
