package services_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// searchEnv is a register of letters inserted straight into the database,
// as bulk loads do, so that the search index must come from the triggers
// (SQLite) or the expression index (PostgreSQL), not from the services.
type searchEnv struct {
	t   *testing.T
	db  *gorm.DB
	svc *services.Service
	ids map[string]uint // letter by its name in the test
}

// searchActors are the readers of the tests: reception user 7 created the
// letters; reception user 8 did not and may not see protected identity.
var searchActors = map[string]services.Actor{
	"creator":  {ID: 7, Username: "tiepdan", Role: models.RoleReception},
	"other":    {ID: 8, Username: "tiepdan2", Role: models.RoleReception},
	"legal":    {ID: 9, Username: "phaply", Role: models.RoleLegal},
	"withdraw": {ID: 10, Username: "lanhdao", Role: models.RoleLeader},
}

func newSearchEnv(t *testing.T) *searchEnv {
	t.Helper()
	db := modeltest.NewDB(t)
	svc := services.New(db, services.DefaultConfig(), nil)
	svc.SetClock(func() time.Time { return time.Date(2022, 6, 15, 9, 0, 0, 0, time.UTC) })
	return &searchEnv{t: t, db: db, svc: svc, ids: map[string]uint{}}
}

// add inserts a letter with a subject and one sender's name and address.
func (e *searchEnv) add(name, subject, sender, address string, kind models.Kind) {
	e.t.Helper()
	n := len(e.ids) + 1
	l := models.Letter{Code: fmt.Sprintf("2022/%06d", n), Year: 2022, Seq: n, Status: models.LetterStatusRegistered}
	l.CreatedBy, l.Version = 7, 1
	l.ReceivedOn, l.Source, l.Subject, l.Kind = models.MustDate("2022-05-02"), models.SourcePost, subject, kind
	l.Senders = []models.Person{{FullName: sender, Address: address, Email: "ho.ten@mail.vn"}}
	l.SignerCount = 1
	l.Normalize()
	l.PrepareSearch()
	if err := e.db.Create(&l).Error; err != nil {
		e.t.Fatalf("insert letter %s: %v", name, err)
	}
	e.ids[name] = l.ID
}

// find returns the names of the letters q finds for the actor, sorted.
func (e *searchEnv) find(actor, q string) []string {
	e.t.Helper()
	ctx := services.WithActor(context.Background(), searchActors[actor])
	list, err := e.svc.ListLetters(ctx, models.LetterFilter{Q: q}, models.Page{Page: 1, PerPage: 200})
	if err != nil {
		e.t.Fatalf("%s searching %q: %v", actor, q, err)
	}
	var names []string
	for _, l := range list.Items {
		for name, id := range e.ids {
			if id == l.ID {
				names = append(names, name)
			}
		}
	}
	if int(list.Total) != len(names) {
		e.t.Errorf("%s searching %q: total %d for %d items", actor, q, list.Total, len(names))
	}
	slices.Sort(names)
	return names
}

func TestSearchFindsWordBeginnings(t *testing.T) {
	e := newSearchEnv(t)
	e.add("land", "Tranh chấp “đất đai” tại thửa số 12/QĐ-UBND", "Nguyễn Văn Bình", "Tổ 3, phường Tân Hưng", models.KindComplaint)
	e.add("noise", "Phản ánh tiếng ồn 100 đêm", "Trần Thị Bích", "Søndergaard, Đan Mạch", models.KindPetition)
	e.add("science", "Số liệu 2e10x và tỉ lệ 15% lãi", "Lê Văn Đạt", "Ấp Bình Hòa", "")
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"dat dai", []string{"land"}},
		{"DAT DAI", []string{"land"}},
		{"đất", []string{"land", "science"}},         // đất, Đạt
		{"da", []string{"land", "noise", "science"}}, // đai, Đan, Đạt
		{"at", nil}, // no word begins with "at"
		{"nguyen van binh", []string{"land"}},
		{"nguyen bi", []string{"land"}},
		{"nguyen noise", nil}, // words of two letters do not combine
		{"binh", []string{"land", "science"}},
		{"12", []string{"land"}},
		{"qd-ubnd", []string{"land"}},
		{"ubnd 12/QĐ", []string{"land"}},
		{"ndergaard", []string{"noise"}}, // ø separates words on both databases
		{"s ndergaard", []string{"noise"}},
		{"2e10x", []string{"science"}},
		{"x", nil}, // "2e10x" is one word, unlike PostgreSQL's parser would say
		{"15", []string{"science"}},
		{"15%", []string{"science"}},
		{"100", []string{"noise"}},
		{"%", nil},              // no word: nothing, not everything
		{"mail vn", nil},        // e-mail addresses are not searched (Person.searchText)
		{"ho.ten@mail.vn", nil}, // not even whole
		{"2022/000002", []string{"noise"}},
		{"tan hung to 3", []string{"land"}},
		{"", []string{"land", "noise", "science"}},
		{"  ", []string{"land", "noise", "science"}},
	} {
		if got := e.find("legal", c.q); !slices.Equal(got, c.want) {
			t.Errorf("%q finds %v, want %v", c.q, got, c.want)
		}
	}
}

func TestSearchNeverMatchesHiddenIdentity(t *testing.T) {
	e := newSearchEnv(t)
	e.add("denounced", "Tố cáo cán bộ địa chính", "Lê Văn Bình", "Xã Tân Hưng", models.KindDenunciation)
	e.add("complaint", "Khiếu nại địa chính", "Lê Văn Bình", "Xã Tân Hưng", models.KindComplaint)
	// "hoa" begins a word of the hidden name and sits inside "thoa" of the
	// subject, which does not make it a word of the subject.
	e.add("glued", "Tố cáo việc thỏa thuận ngầm", "Phạm Hòa", "Xã Tân Hưng", models.KindDenunciation)
	// On SQLite a letter of another script is part of the index's word:
	// "中binhxyz" holds no word "binh", which only the hidden name has.
	e.add("script", "Tố cáo 中binhxyz", "Trần Thị Bình", "Xã Tân Hưng", models.KindDenunciation)
	// Curly quotes and dashes separate words everywhere.
	e.add("quoted", "Tố cáo “lấn chiếm” – đất công", "Hồ Lấn", "Xã Tân Hưng", models.KindDenunciation)
	for _, c := range []struct {
		actor, q string
		want     []string
	}{
		{"creator", "le van binh", []string{"complaint", "denounced"}},
		{"legal", "le van binh", []string{"complaint", "denounced"}},
		{"other", "le van binh", []string{"complaint"}},
		{"other", "dia chinh", []string{"complaint", "denounced"}},
		// One word in the subject, one in the hidden name: still hidden.
		{"other", "chinh binh", []string{"complaint"}},
		{"legal", "chinh binh", []string{"complaint", "denounced"}},
		{"other", "to cao", []string{"denounced", "glued", "quoted", "script"}},
		{"other", "tran thi binh", nil},
		{"legal", "tran thi binh", []string{"script"}},
		{"other", "lan chiem dat", []string{"quoted"}},
		{"other", "lan", []string{"quoted"}},
		{"other", "hoa", nil},
		{"legal", "hoa", []string{"glued"}},
		{"other", "thoa", []string{"glued"}},
		{"other", "to thoa ngam", []string{"glued"}},
		{"other", "to thoa pham", nil},
		{"other", "tan hung", []string{"complaint"}},
	} {
		if got := e.find(c.actor, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q finds %v, want %v", c.actor, c.q, got, c.want)
		}
	}
	// "binh" begins a word of the hidden names of "denounced" and "script";
	// PostgreSQL, cutting words at every character that is not an ASCII
	// letter or digit, also finds it in the text of "script" ("中binhxyz"),
	// where the SQLite index sees no such word.
	want := []string{"complaint"}
	if modeltest.Driver() == models.DriverPostgres {
		want = []string{"complaint", "script"}
	}
	if got := e.find("other", "binh"); !slices.Equal(got, want) {
		t.Errorf("other: \"binh\" finds %v, want %v", got, want)
	}
}

func TestSearchFollowsChanges(t *testing.T) {
	e := newSearchEnv(t)
	e.add("a", "Khiếu nại về bồi thường", "Phạm Thị Hoa", "Xã An Hòa", models.KindComplaint)
	e.add("b", "Kiến nghị về đường giao thông", "Đỗ Văn Nam", "Xã An Hòa", models.KindPetition)
	legal := services.WithActor(context.Background(), searchActors["legal"])
	one := 1
	if _, err := e.svc.UpdateLetter(legal, e.ids["a"], &one, func(f *models.LetterFields) error {
		f.Subject = "Khiếu nại về giải phóng mặt bằng"
		f.Senders[0].FullName = "Phạm Thị Hồng"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := e.find("legal", "boi thuong"); got != nil {
		t.Errorf("old subject still found: %v", got)
	}
	if got := e.find("legal", "giai phong hong"); !slices.Equal(got, []string{"a"}) {
		t.Errorf("new subject and name: %v", got)
	}
	if got := e.find("legal", "hoa"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("unchanged address: %v", got) // Xã An Hòa, on both
	}
	withdraw := services.WithActor(context.Background(), searchActors["withdraw"])
	if err := e.svc.DeleteLetter(withdraw, e.ids["b"]); err != nil {
		t.Fatal(err)
	}
	if got := e.find("legal", "an hoa"); !slices.Equal(got, []string{"a"}) {
		t.Errorf("withdrawn letter found: %v", got)
	}
	// A row removed for good leaves the index with it.
	if err := e.db.Unscoped().Delete(&models.Letter{}, e.ids["b"]).Error; err != nil {
		t.Fatal(err)
	}
	if got := e.find("legal", "giao thong"); got != nil {
		t.Errorf("deleted letter found: %v", got)
	}
}

func TestSearchOtherRecords(t *testing.T) {
	e := newSearchEnv(t)
	doc := models.Document{DocumentFields: models.DocumentFields{Number: "15/QĐ-UBND", IssuedOn: models.MustDate("2022-05-03"),
		DocType: models.DocTypes()[0], Subject: "Quyết định giải quyết khiếu nại lần đầu"}}
	doc.CreatedBy, doc.Version = 7, 1
	doc.PrepareSearch()
	if err := e.db.Create(&doc).Error; err != nil {
		t.Fatal(err)
	}
	ctx := services.WithActor(context.Background(), searchActors["other"])
	for q, want := range map[string]int64{"qd ubnd": 1, "khieu nai lan dau": 1, "giai quyet": 1, "quyet dinh 16": 0, "uyet": 0} {
		list, err := e.svc.ListDocuments(ctx, models.DocumentFilter{Q: q}, models.Page{Page: 1, PerPage: 50})
		if err != nil {
			t.Fatal(err)
		}
		if list.Total != want {
			t.Errorf("documents %q: %d, want %d", q, list.Total, want)
		}
	}
}

func TestSearchPagesSortAndCount(t *testing.T) {
	e := newSearchEnv(t)
	for i := range 5 {
		e.add(fmt.Sprintf("l%d", i), "Khiếu nại về đất đai", "Nguyễn Văn Bình", "Xã An Hòa", models.KindComplaint)
	}
	ctx := services.WithActor(context.Background(), searchActors["legal"])
	for _, c := range []struct {
		page    models.Page
		wantIDs []uint
	}{
		{models.Page{Page: 1, PerPage: 2, Sort: "code"}, []uint{e.ids["l0"], e.ids["l1"]}},
		{models.Page{Page: 3, PerPage: 2, Sort: "code"}, []uint{e.ids["l4"]}},
		{models.Page{Page: 1, PerPage: 2, Sort: "-id"}, []uint{e.ids["l4"], e.ids["l3"]}},
		{models.Page{Page: 4, PerPage: 2}, nil}, // past the end: still the total
	} {
		list, err := e.svc.ListLetters(ctx, models.LetterFilter{Q: "nguyen dat"}, c.page)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint
		for _, l := range list.Items {
			got = append(got, l.ID)
		}
		if list.Total != 5 || !slices.Equal(got, c.wantIDs) {
			t.Errorf("%+v: total %d, ids %v, want 5 and %v", c.page, list.Total, got, c.wantIDs)
		}
	}
}
