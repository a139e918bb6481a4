package imports_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kntc/imports"
	"kntc/models"
)

// workbook returns a template workbook filled with rows.
func workbook(t testing.TB, rows ...[]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := imports.WriteTemplate(&buf, slices.Values(rows)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t testing.TB, data []byte) *imports.Sheet {
	t.Helper()
	s, err := imports.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return s
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestTemplateHasTheVietnameseColumnsAndTheCodes(t *testing.T) {
	f := open(t, workbook(t))
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Đơn thư", "Danh mục"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("Đơn thư")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Ngày nhận", "Nguồn đơn", "Họ tên người gửi", "Số CCCD", "Địa chỉ", "Số người ký", "Nội dung tóm tắt",
		"Lĩnh vực", "Loại đơn", "Hướng xử lý", "Ngày xử lý", "Cơ quan chuyển đến", "Ghi chú"}
	if len(rows) != 1 || !slices.Equal(rows[0], want) {
		t.Fatalf("headings %q", rows)
	}
	codes, err := f.GetRows("Danh mục")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, r := range codes {
		if len(r) >= 3 {
			listed[r[1]] = r[2]
		}
	}
	for _, c := range models.Sources() {
		if listed[string(c)] != c.Label() {
			t.Errorf("source %s: listed %q", c, listed[string(c)])
		}
	}
	for _, c := range models.Outcomes() {
		if listed[string(c)] != c.Label() {
			t.Errorf("outcome %s: listed %q", c, listed[string(c)])
		}
	}
	dvs, err := f.GetDataValidations("Đơn thư")
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[dv.Sqref[:1]] = dv.Formula1
	}
	// Nguồn đơn, Lĩnh vực, Loại đơn, Hướng xử lý are columns B, H, I, J.
	for _, col := range []string{"B", "H", "I", "J"} {
		if !strings.Contains(lists[col], "Danh mục") {
			t.Errorf("column %s has no drop-down from Danh mục: %q", col, lists[col])
		}
	}
	if style, _ := f.GetColStyle("Đơn thư", "A"); style == 0 {
		t.Errorf("Ngày nhận has no date format")
	}
}

func TestParseAcceptsCodesLabelsShortWordsAndThreeDateForms(t *testing.T) {
	day := time.Date(2022, 5, 15, 0, 0, 0, 0, time.UTC)
	s := read(t, workbook(t,
		[]any{"15/05/2022", "bưu điện", "Nguyễn Văn An", "079123456789", "Phường 1, Tây Ninh", "", "Khiếu nại việc thu hồi đất",
			"đất đai", "khiếu nại", "lưu đơn", "20/05/2022", "", "Đơn gửi lần 2"},
		[]any{"2022-05-16", "POST", "Trần Thị Bình", "", "", 3, "Tố cáo cán bộ xã", "Dan su", "TO CAO", "chuyển", day.AddDate(0, 0, 5), "UBND huyện Gò Dầu", ""},
		[]any{day, "qua tổng đài 1022", "nặc danh", "", "", "", "Phản ánh ô nhiễm", "khác", "kiến nghị, phản ánh", "", "", "", ""},
		[]any{"1/6/2022", "chuyển đến: Ban Tiếp công dân Trung ương", "Lê Văn Cường", "", "", "2.0", "Đề nghị giải quyết", "", "", "", "", "", ""},
	))
	if len(s.Rows) != 4 || s.Rows[0].Number != 2 || s.Rows[3].Number != 5 {
		t.Fatalf("rows %+v", s.Rows)
	}
	var got []imports.Entry
	for _, r := range s.Rows {
		e, errs := s.Parse(r)
		if len(errs) > 0 {
			t.Fatalf("row %d: %+v", r.Number, errs)
		}
		got = append(got, e)
	}
	want := []imports.Entry{
		{Row: 2, ReceivedOn: models.MustDate("2022-05-15"), Source: models.SourcePost, SenderName: "Nguyễn Văn An", IDNumber: "079123456789",
			Address: "Phường 1, Tây Ninh", Content: "Khiếu nại việc thu hồi đất", Domain: models.DomainLand, Kind: models.KindComplaint,
			Outcome: models.OutcomeFiled, HandledOn: models.MustDate("2022-05-20"), Note: "Đơn gửi lần 2"},
		{Row: 3, ReceivedOn: models.MustDate("2022-05-16"), Source: models.SourcePost, SenderName: "Trần Thị Bình", SignerCount: 3,
			Content: "Tố cáo cán bộ xã", Domain: models.DomainCivil, Kind: models.KindDenunciation, Outcome: models.OutcomeTransferred,
			HandledOn: models.MustDate("2022-05-20"), TransferredTo: "UBND huyện Gò Dầu"},
		{Row: 4, ReceivedOn: models.MustDate("2022-05-15"), Source: models.SourceHotline, Anonymous: true, Content: "Phản ánh ô nhiễm",
			Domain: models.DomainOther, Kind: models.KindPetition},
		{Row: 5, ReceivedOn: models.MustDate("2022-06-01"), Source: models.SourceForwarded, ForwardedFrom: "Ban Tiếp công dân Trung ương",
			SenderName: "Lê Văn Cường", SignerCount: 2, Content: "Đề nghị giải quyết"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", want[i].Row, got[i], want[i])
		}
	}
}

func TestParseReportsEveryBadCellWithItsRowAndReason(t *testing.T) {
	s := read(t, workbook(t,
		[]any{"31/02/2022", "bồ câu", "An", "", "", "hai", "Nội dung", "thuế", "", "bỏ qua", "15/05/22", "", ""},
		[]any{"15/05/2022", "post", "Bình", "", "", 0, "Nội dung", "", "", "", "2022", "", ""},
	))
	type cell struct {
		row                    int
		column, value, message string
	}
	var got []cell
	for _, r := range s.Rows {
		_, errs := s.Parse(r)
		for _, e := range errs {
			got = append(got, cell{e.Row, e.Column, e.Value, e.Message})
		}
	}
	want := []cell{
		{2, "Ngày nhận", "31/02/2022", "dd/mm/yyyy"},
		{2, "Nguồn đơn", "bồ câu", "danh mục Nguồn đơn"},
		{2, "Số người ký", "hai", "số nguyên"},
		{2, "Lĩnh vực", "thuế", "\"đất đai\""},
		{2, "Hướng xử lý", "bỏ qua", "Danh mục"},
		{2, "Ngày xử lý", "15/05/22", "ngày có thật"},
		{3, "Số người ký", "0", "từ 1 trở lên"},
		{3, "Ngày xử lý", "2022", "dd/mm/yyyy"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.row != w.row || g.column != w.column || g.value != w.value || !strings.Contains(g.message, w.message) {
			t.Errorf("error %d: got %+v, want %+v", i, g, w)
		}
	}
}

func TestReadFindsTheHeadingsOfAnOfficeRegister(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Sổ 2021")
	f.SetSheetRow("Sổ 2021", "A1", &[]any{"SỔ THEO DÕI ĐƠN THƯ NĂM 2021"})
	f.SetSheetRow("Sổ 2021", "A3", &[]any{"STT", "NGÀY NHẬN ĐƠN", "Nguồn", "Họ và tên", "Trích yếu", "Lỗi"})
	f.SetSheetRow("Sổ 2021", "A4", &[]any{1, "02/01/2021", "trực tiếp", "Phạm Văn Dũng", "Đòi lại đất", "cũ"})
	f.SetSheetRow("Sổ 2021", "A7", &[]any{2, "03/01/2021", "trực tuyến", "Võ Thị Em", "Hỏi chính sách"})
	var buf bytes.Buffer
	f.Write(&buf)
	s := read(t, buf.Bytes())
	if s.Name != "Sổ 2021" || s.HeaderRow != 3 || len(s.Rows) != 2 || s.Rows[1].Number != 7 {
		t.Fatalf("sheet %q header row %d rows %+v", s.Name, s.HeaderRow, s.Rows)
	}
	e, errs := s.Parse(s.Rows[1])
	if len(errs) > 0 || e.SenderName != "Võ Thị Em" || e.Source != models.SourceOnline || e.Content != "Hỏi chính sách" {
		t.Fatalf("entry %+v, errors %+v", e, errs)
	}
}

func TestReadRejectsWhatIsNotARegister(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ngày nhận", "Họ tên người gửi", "Địa chỉ", "Nguồn đơn", "Nguồn đơn"})
	var twice bytes.Buffer
	f.Write(&twice)
	f.Close()
	var notXlsx bytes.Buffer
	zw := zip.NewWriter(&notXlsx)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("xin chào"))
	zw.Close()
	tests := []struct {
		name string
		data []byte
		code models.ErrorCode
		want string
	}{
		{"text is not a workbook", []byte("Ngày nhận,Nguồn đơn\n"), models.CodeUnsupportedMedia, ".xlsx"},
		{"old .xls format", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), models.CodeUnsupportedMedia, ".xls"},
		{"a zip that is not a workbook", notXlsx.Bytes(), models.CodeInvalid, "bảng tính"},
		{"no headings", workbookWithoutHeadings(t), models.CodeInvalid, "dòng tiêu đề"},
		{"missing and repeated columns", twice.Bytes(), models.CodeInvalid, "không khớp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := imports.Read(bytes.NewReader(tc.data))
			var e *models.Error
			if !errors.As(err, &e) || e.Code != tc.code || !strings.Contains(e.Message, tc.want) {
				t.Fatalf("error %v, want %s containing %q", err, tc.code, tc.want)
			}
		})
	}
	t.Run("the missing and repeated columns are named", func(t *testing.T) {
		_, err := imports.Read(bytes.NewReader(twice.Bytes()))
		var e *models.Error
		errors.As(err, &e)
		var fields []string
		for _, f := range e.Fields {
			fields = append(fields, f.Field+": "+f.Message)
		}
		got := strings.Join(fields, "\n")
		for _, w := range []string{`Thiếu cột "Nội dung tóm tắt"`, `Cột "Nguồn đơn" có hai lần`} {
			if !strings.Contains(got, w) {
				t.Errorf("missing %q in\n%s", w, got)
			}
		}
	})
}

func workbookWithoutHeadings(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Bảng lương", "Tháng 5"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestErrorsWorkbookAddsTheReasonsAndReadsBackTheSame(t *testing.T) {
	day := time.Date(2022, 5, 15, 0, 0, 0, 0, time.UTC)
	s := read(t, workbook(t,
		[]any{day, "bưu điện", "Nguyễn Văn An", "079123456789", "", "", "Khiếu nại"},
		[]any{"31/02/2022", "bồ câu", "Trần Thị Bình", "", "", "", "Tố cáo"},
	))
	var errs []imports.CellError
	for _, r := range s.Rows {
		_, e := s.Parse(r)
		errs = append(errs, e...)
	}
	var buf bytes.Buffer
	if err := s.WriteErrors(&buf, errs); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	rows, _ := f.GetRows("Đơn thư")
	if len(rows) != 3 || rows[0][13] != "Lỗi" || len(rows[1]) > 13 && rows[1][13] != "" {
		t.Fatalf("rows %q", rows)
	}
	if msg := rows[2][13]; !strings.Contains(msg, "Ngày nhận: Ngày không hợp lệ") || !strings.Contains(msg, "\nNguồn đơn: ") {
		t.Fatalf("errors cell %q", msg)
	}
	if rows[1][3] != "079123456789" {
		t.Errorf("ID number %q", rows[1][3])
	}
	again := read(t, buf.Bytes())
	for i, r := range again.Rows {
		e1, _ := s.Parse(s.Rows[i])
		e2, _ := again.Parse(r)
		if e1 != e2 {
			t.Errorf("row %d reads back as %+v, was %+v", r.Number, e2, e1)
		}
	}
}

func TestTemplateWithoutRowsReadsAsAnEmptyRegister(t *testing.T) {
	var buf bytes.Buffer
	if err := imports.WriteTemplate(&buf, nil); err != nil {
		t.Fatal(err)
	}
	s := read(t, buf.Bytes())
	if s.Name != "Đơn thư" || len(s.Rows) != 0 || len(s.Header) != 13 {
		t.Fatalf("sheet %+v", s)
	}
}
