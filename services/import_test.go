package services_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"kntc/imports"
	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// imEnv is a fresh database and a service whose today is 15 June 2022.
type imEnv struct {
	t   testing.TB
	db  *gorm.DB
	svc *services.Service
}

func newImEnv(t testing.TB) *imEnv {
	t.Helper()
	db := modeltest.NewDB(t)
	svc := services.New(db, services.DefaultConfig(), nil)
	svc.SetClock(func() time.Time { return time.Date(2022, 6, 15, 9, 0, 0, 0, time.UTC) })
	return &imEnv{t: t, db: db, svc: svc}
}

func imAs(role models.Role) context.Context {
	return services.WithActor(context.Background(), services.Actor{ID: 3, Username: "phaply", Role: role})
}

// register writes a template workbook holding rows.
func register(t testing.TB, rows ...[]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := imports.WriteTemplate(&buf, slices.Values(rows)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (e *imEnv) importFile(data []byte, dryRun bool) (services.ImportReport, error) {
	return e.svc.ImportLetters(imAs(models.RoleLegal), bytes.NewReader(data), services.ImportOptions{DryRun: dryRun, FileName: `C:\Sổ đơn\so-2022.xlsx`})
}

func (e *imEnv) letters() []models.Letter {
	e.t.Helper()
	var ls []models.Letter
	if err := e.db.Order("year, seq").Find(&ls).Error; err != nil {
		e.t.Fatal(err)
	}
	return ls
}

// threeLetters are a registered, a classified and a handled letter, not in
// date order.
var threeLetters = [][]any{
	{"20/05/2022", "bưu điện", "Nguyễn Văn An", "079123456789", "Phường 1, Tây Ninh", "", "Khiếu nại việc thu hồi đất"},
	{"2022-05-10", "trực tiếp", "Trần Thị Bình", "", "", 2, "Tố cáo cán bộ địa chính", "đất đai", "tố cáo"},
	{time.Date(2022, 5, 15, 0, 0, 0, 0, time.UTC), "chuyển đến: Ban Tiếp công dân Trung ương", "Lê Văn Cường", "", "", "",
		"Kiến nghị về bồi thường", "land", "kiến nghị", "chuyển", "25/05/2022", "UBND huyện Gò Dầu", "Đơn lần 2"},
}

func TestImportLettersClassifiesHandlesAndNumbersInDateOrder(t *testing.T) {
	e := newImEnv(t)
	first, err := e.svc.CreateLetter(imAs(models.RoleLegal), models.LetterFields{ReceivedOn: models.MustDate("2022-06-01"),
		Source: models.SourcePost, Senders: []models.Person{{FullName: "Phạm Văn Dũng"}}, Subject: "Đơn có trước"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.importFile(register(t, threeLetters...), false)
	if err != nil {
		t.Fatal(err)
	}
	want := services.CodeRange{Year: 2022, First: "2022/000002", Last: "2022/000004", Count: 3}
	if rep.Rows != 3 || rep.Valid != 3 || rep.Created != 3 || rep.Skipped != 0 || len(rep.Codes) != 1 || rep.Codes[0] != want {
		t.Fatalf("report %+v", rep)
	}
	ls := e.letters()
	if len(ls) != 4 || ls[0].Code != first.Code {
		t.Fatalf("letters %+v", ls)
	}
	denunciation, forwarded, posted := ls[1], ls[2], ls[3]
	if denunciation.ReceivedOn.String() != "2022-05-10" || denunciation.Status != models.LetterStatusClassified ||
		denunciation.Kind != models.KindDenunciation || denunciation.SignerCount != 2 || *denunciation.Eligible != true || *denunciation.Competent != false {
		t.Errorf("classified letter %+v", denunciation)
	}
	if forwarded.Status != models.LetterStatusHandled || forwarded.Outcome != models.OutcomeTransferred || forwarded.TransferredTo != "UBND huyện Gò Dầu" ||
		forwarded.ForwardedFrom != "Ban Tiếp công dân Trung ương" || forwarded.Kind != models.KindPetition || forwarded.HandledOn.String() != "2022-05-25" ||
		forwarded.ClassifiedOn.String() != "2022-05-25" || forwarded.Summary != "Đơn lần 2" {
		t.Errorf("handled letter %+v", forwarded)
	}
	if posted.Status != models.LetterStatusRegistered || posted.Senders[0].IDNumber != "079123456789" || posted.HandlingDueOn.IsZero() ||
		!strings.Contains(posted.SearchText, "thu hoi dat") || posted.CreatedBy != 3 || posted.Version != 1 {
		t.Errorf("registered letter %+v", posted)
	}
	var audits []models.AuditEntry
	e.db.Where("action IN ?", []string{"create", "import"}).Order("id").Find(&audits)
	if len(audits) != 5 || audits[4].Action != "import" || !strings.HasPrefix(audits[4].Detail, "so-2022.xlsx: 3 đơn mới") ||
		audits[1].EntityID != denunciation.ID || audits[1].Changes["senders"].To != models.ProtectedMask || !strings.Contains(audits[1].Detail, "dòng 3") {
		t.Errorf("audit %+v", audits)
	}
	var keys int64
	e.db.Model(&models.LetterImport{}).Where("file_name = ?", "so-2022.xlsx").Count(&keys)
	if keys != 3 {
		t.Errorf("%d import keys", keys)
	}
}

func TestImportingTheSameFileTwiceAddsNothing(t *testing.T) {
	e := newImEnv(t)
	twin := threeLetters[0]
	data := register(t, append(slices.Clone(threeLetters), twin)...)
	if rep, err := e.importFile(data, false); err != nil || rep.Created != 4 {
		t.Fatalf("first import: %+v %v", rep, err)
	}
	rep, err := e.importFile(data, false)
	if err != nil || rep.Created != 0 || rep.Skipped != 4 || rep.Valid != 4 || len(rep.Codes) != 0 {
		t.Fatalf("second import: %+v %v", rep, err)
	}
	dry, err := e.importFile(data, true)
	if err != nil || dry.Skipped != 4 || dry.Created != 0 {
		t.Fatalf("dry run after import: %+v %v", dry, err)
	}
	// The same rows written another way, plus a new one: only the new one comes in.
	more := register(t, []any{"20/05/2022", "post", "Nguyễn Văn An", "079123456789", "Phường 1, Tây Ninh", 1, "Khiếu nại việc thu hồi đất"},
		[]any{"01/06/2022", "hotline", "nặc danh", "", "", "", "Phản ánh tiếng ồn"})
	rep, err = e.importFile(more, false)
	if err != nil || rep.Created != 1 || rep.Skipped != 1 || rep.Codes[0].First != "2022/000005" {
		t.Fatalf("third import: %+v %v", rep, err)
	}
	if n := len(e.letters()); n != 5 {
		t.Fatalf("%d letters", n)
	}
	var entries []models.AuditEntry
	e.db.Where("action = ?", services.ActionImport).Order("id").Find(&entries)
	if len(entries) != 3 || !strings.Contains(entries[1].Detail, "0 đơn mới, 4 dòng đã nhập trước") {
		t.Fatalf("import audit entries %+v", entries)
	}
}

func TestImportWithABadRowWritesNothing(t *testing.T) {
	e := newImEnv(t)
	rows := append(slices.Clone(threeLetters), []any{"31/02/2022", "bưu điện", "An", "", "", "", "Đơn"})
	rep, err := e.importFile(register(t, rows...), false)
	var me *models.Error
	if !errors.As(err, &me) || me.Code != models.CodeInvalid || len(me.Fields) != 1 || me.Fields[0].Field != "row 5: Ngày nhận" ||
		!strings.Contains(me.Message, "1 dòng lỗi") {
		t.Fatalf("error %v %+v", err, me)
	}
	if rep.Created != 0 || len(rep.Errors) != 1 || rep.Errors[0].Value != "31/02/2022" {
		t.Fatalf("report %+v", rep)
	}
	if n := len(e.letters()); n != 0 {
		t.Fatalf("%d letters written", n)
	}
	l, err := e.svc.CreateLetter(imAs(models.RoleLegal), models.LetterFields{ReceivedOn: models.MustDate("2022-06-01"),
		Source: models.SourcePost, Anonymous: true, Subject: "Đơn sau lần nhập hỏng"})
	if err != nil || l.Code != "2022/000001" {
		t.Fatalf("the failed import took register numbers: %s %v", l.Code, err)
	}
}

func TestImportDryRunReportsEveryBadCellWithAReason(t *testing.T) {
	e := newImEnv(t)
	long := strings.Repeat("dài ", 130)
	rep, err := e.importFile(register(t,
		[]any{"20/06/2022", "bưu điện", "", "", "", "", "Đơn ghi ngày tương lai"},
		[]any{"20/05/2022", "chuyển đến", "An", "", "", "", ""},
		[]any{"20/05/2022", "bưu điện", "Bình", "", "", "", "Đơn", "", "khiếu nại", "hướng dẫn", "10/05/2022"},
		[]any{"20/05/2022", "bưu điện", "Cường", "", "", "", long, "đất đai", "khiếu nại", "chuyển", "21/05/2022"},
		[]any{"20/05/2022", "bưu điện", "Dũng", "", "", "", "Đơn", "đất đai", "khiếu nại", "lưu đơn", "", "UBND xã"},
		[]any{"20/05/2022", "thư bồ câu", "Em", "", "", "", "Đơn", "đất đai", "", "", "21/05/2022"},
		threeLetters[0],
	), true)
	if err != nil {
		t.Fatal(err)
	}
	type cell struct {
		row     int
		column  string
		message string
	}
	want := []cell{
		{2, "Ngày nhận", "tương lai"},
		{2, "Họ tên người gửi", "nặc danh"},
		{3, "Nguồn đơn", "chuyển đến: tên cơ quan"},
		{3, "Nội dung tóm tắt", "bắt buộc"},
		{4, "Lĩnh vực", "bắt buộc"},
		{4, "Ngày xử lý", "trước ngày nhận"},
		{5, "Nội dung tóm tắt", "500 ký tự"},
		{5, "Cơ quan chuyển đến", "bắt buộc"},
		{6, "Ngày xử lý", "bắt buộc"},
		{6, "Cơ quan chuyển đến", "chuyển cơ quan có thẩm quyền"},
		{7, "Nguồn đơn", "danh mục"},
		{7, "Loại đơn", "bắt buộc"},
		{7, "Hướng xử lý", "bắt buộc"},
	}
	if rep.Rows != 7 || rep.Valid != 1 || rep.Created != 0 || len(rep.Errors) != len(want) {
		t.Fatalf("report rows %d valid %d created %d, %d errors:\n%+v", rep.Rows, rep.Valid, rep.Created, len(rep.Errors), rep.Errors)
	}
	for i, w := range want {
		g := rep.Errors[i]
		if g.Row != w.row || g.Column != w.column || !strings.Contains(g.Message, w.message) {
			t.Errorf("error %d: got %+v, want %+v", i, g, w)
		}
	}
	if rep.Errors[0].Value != "20/06/2022" || rep.Errors[10].Value != "thư bồ câu" {
		t.Errorf("values %q %q", rep.Errors[0].Value, rep.Errors[10].Value)
	}
	if n := len(e.letters()); n != 0 {
		t.Fatalf("a dry run wrote %d letters", n)
	}
	var buf bytes.Buffer
	if err := rep.WriteErrors(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(imports.SheetLetters, "N1"); got != "Lỗi" {
		t.Fatalf("N1 %q", got)
	}
	if got, _ := f.GetCellValue(imports.SheetLetters, "N4"); !strings.Contains(got, "Lĩnh vực: Trường này là bắt buộc.") {
		t.Fatalf("N4 %q", got)
	}
	if got, _ := f.GetCellValue(imports.SheetLetters, "N8"); got != "" {
		t.Fatalf("N8 of a good row %q", got)
	}
}

func TestImportIsForLegalStaffAndLeaders(t *testing.T) {
	e := newImEnv(t)
	data := register(t, threeLetters...)
	for _, tc := range []struct {
		role models.Role
		code models.ErrorCode
	}{{models.RoleReception, models.CodeForbidden}, {models.RoleAdmin, models.CodeForbidden},
		{models.RoleLeader, ""}, {models.RoleLegal, ""}} {
		t.Run(string(tc.role), func(t *testing.T) {
			_, err := e.svc.ImportLetters(imAs(tc.role), bytes.NewReader(data), services.ImportOptions{DryRun: true})
			if models.CodeOf(err) != tc.code {
				t.Fatalf("error %v, want %q", err, tc.code)
			}
		})
	}
	if _, err := e.svc.ImportLetters(context.Background(), bytes.NewReader(data), services.ImportOptions{}); models.CodeOf(err) != models.CodeUnauthorized {
		t.Fatalf("no user: %v", err)
	}
}

func TestImportRejectsAnEmptyRegister(t *testing.T) {
	e := newImEnv(t)
	_, err := e.importFile(register(t), false)
	if models.CodeOf(err) != models.CodeInvalid || !strings.Contains(err.Error(), "không có dòng đơn") {
		t.Fatalf("error %v", err)
	}
}
