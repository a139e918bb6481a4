package services_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// demoToday is the fixed today of these tests: 18 June 2025 in the office.
var demoToday = models.MustDate("2025-06-18")

// demoOptions are 3,000 letters over 2024 and 2025 (up to today).
var demoOptions = services.DemoOptions{Letters: 3000, FromYear: 2024, ToYear: 2025, Seed: 7}

// demoEnv is a service over a fresh database whose today is demoToday.
func demoEnv(t testing.TB) (*services.Service, *gorm.DB) {
	t.Helper()
	db := modeltest.NewDB(t)
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	svc := services.New(db, cfg, nil)
	svc.SetClock(func() time.Time { return time.Date(2025, 6, 18, 3, 0, 0, 0, time.UTC) })
	return svc, db
}

// demoData is every generated record, loaded through GORM.
type demoData struct {
	letters   []models.Letter
	cases     map[uint]models.Case
	sessions  map[uint]models.ReceptionSession
	visits    []models.ReceptionVisit
	dialogues []models.Dialogue
	councils  []models.CouncilMeeting
	documents []models.Document
	counters  []models.LetterCounter
	links     []models.PersonLink
	people    int64
}

// demoGenerate fills a fresh database and loads what was written.
func demoGenerate(t testing.TB, o services.DemoOptions) (services.DemoSummary, demoData, *services.Service) {
	t.Helper()
	svc, db := demoEnv(t)
	sum, err := svc.GenerateDemo(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	var d demoData
	var cases []models.Case
	var sessions []models.ReceptionSession
	for _, q := range []struct {
		dst   any
		order string
	}{
		{&d.letters, "year, seq"}, {&cases, "id"}, {&sessions, "id"}, {&d.visits, "id"},
		{&d.dialogues, "id"}, {&d.councils, "id"}, {&d.documents, "id"}, {&d.counters, "year"}, {&d.links, "id"},
	} {
		if err := db.Order(q.order).Find(q.dst).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Model(&models.Citizen{}).Count(&d.people).Error; err != nil {
		t.Fatal(err)
	}
	d.cases = map[uint]models.Case{}
	for _, c := range cases {
		d.cases[c.ID] = c
	}
	d.sessions = map[uint]models.ReceptionSession{}
	for _, s := range sessions {
		d.sessions[s.ID] = s
	}
	dialogueCases := demoJoin(t, db, func(l models.DialogueCase) (uint, uint) { return l.DialogueID, l.CaseID })
	for i := range d.dialogues {
		d.dialogues[i].CaseIDs = dialogueCases[d.dialogues[i].ID]
	}
	councilCases := demoJoin(t, db, func(l models.CouncilMeetingCase) (uint, uint) { return l.CouncilMeetingID, l.CaseID })
	for i := range d.councils {
		d.councils[i].CaseIDs = councilCases[d.councils[i].ID]
	}
	want := services.DemoSummary{From: models.MustDate("2024-01-01"), To: demoToday, Letters: len(d.letters),
		Cases: len(d.cases), ReceptionSessions: len(d.sessions), ReceptionVisits: len(d.visits),
		Dialogues: len(d.dialogues), DialogueCases: demoLinks(dialogueCases), CouncilMeetings: len(d.councils),
		CouncilMeetingCases: demoLinks(councilCases), Documents: len(d.documents), People: int(d.people), PersonLinks: len(d.links),
		Duration: sum.Duration}
	if sum != want {
		t.Fatalf("summary %+v, tables %+v", sum, want)
	}
	return sum, d, svc
}

// demoJoin reads a meeting's join table into the case ids of each meeting.
func demoJoin[J any](t testing.TB, db *gorm.DB, ids func(J) (meeting, kase uint)) map[uint][]uint {
	t.Helper()
	var rows []J
	if err := db.Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[uint][]uint{}
	for _, r := range rows {
		m, c := ids(r)
		out[m] = append(out[m], c)
	}
	return out
}

// demoLinks counts the join rows read by demoJoin.
func demoLinks(byMeeting map[uint][]uint) int {
	n := 0
	for _, ids := range byMeeting {
		n += len(ids)
	}
	return n
}

// demoShare is the percentage of n in total.
func demoShare(n, total int) float64 { return 100 * float64(n) / float64(total) }

func TestDemoRegisterIsGaplessAndConsistent(t *testing.T) {
	sum, d, svc := demoGenerate(t, demoOptions)
	if sum.Letters != 3000 {
		t.Fatalf("letters %d", sum.Letters)
	}
	perYear := map[int]int{}
	var prev models.Letter
	for i, l := range d.letters {
		perYear[l.Year]++
		if l.Seq != perYear[l.Year] || l.Code != fmt.Sprintf("%d/%06d", l.Year, l.Seq) || l.Year != l.ReceivedOn.Year() {
			t.Fatalf("letter %d of %d: code %s seq %d received %s", perYear[l.Year], l.Year, l.Code, l.Seq, l.ReceivedOn)
		}
		if i > 0 && prev.Year == l.Year && l.ReceivedOn.Before(prev.ReceivedOn) {
			t.Fatalf("%s received %s after %s received %s", l.Code, l.ReceivedOn, prev.Code, prev.ReceivedOn)
		}
		prev = l
	}
	if len(d.counters) != 2 {
		t.Fatalf("counters %+v", d.counters)
	}
	for _, c := range d.counters {
		if c.Last != perYear[c.Year] {
			t.Errorf("counter %d at %d, letters %d", c.Year, c.Last, perYear[c.Year])
		}
	}

	pending, handled := 0, 0
	domains, kinds, outcomes, sources := map[models.Domain]int{}, map[models.Kind]int{}, map[models.Outcome]int{}, map[models.Source]int{}
	classified := 0
	for _, l := range d.letters {
		sources[l.Source]++
		if l.ReceivedOn.Before(sum.From) || l.ReceivedOn.After(demoToday) {
			t.Fatalf("%s received %s, outside the span", l.Code, l.ReceivedOn)
		}
		if l.Status != models.LetterStatusRegistered {
			classified++
			domains[l.Domain]++
			kinds[l.Kind]++
			if l.Domain == "" || l.Kind == "" || l.Eligible == nil || l.Competent == nil || l.ClassifiedOn.IsZero() ||
				l.ClassifiedOn.Before(l.ReceivedOn) || l.ClassifiedOn.After(demoToday) {
				t.Fatalf("classified letter without its classification: %+v", l)
			}
		} else if l.Domain != "" || l.Kind != "" || !l.ClassifiedOn.IsZero() {
			t.Fatalf("registered letter with a classification: %+v", l)
		}
		switch l.Status {
		case models.LetterStatusHandled:
			handled++
			outcomes[l.Outcome]++
			if l.Outcome == "" || l.HandledOn.Before(l.ReceivedOn) || l.HandledOn.After(demoToday) || l.HandledOn.Before(l.ClassifiedOn) {
				t.Fatalf("handled letter inconsistent: %+v", l)
			}
			if (l.Outcome == models.OutcomeTransferred) != (l.TransferredTo != "") {
				t.Fatalf("%s: outcome %s, transferred to %q", l.Code, l.Outcome, l.TransferredTo)
			}
			if !l.ReplyReceivedOn.IsZero() && (l.Outcome != models.OutcomeTransferred || l.ReplyReceivedOn.Before(l.HandledOn) || l.ReplyReceivedOn.After(demoToday)) {
				t.Fatalf("%s: reply %s for outcome %s handled %s", l.Code, l.ReplyReceivedOn, l.Outcome, l.HandledOn)
			}
			if l.Outcome == models.OutcomeAccepted {
				if _, ok := d.cases[derefID(l.CaseID)]; !ok || !*l.Competent {
					t.Fatalf("accepted letter %s without its case", l.Code)
				}
			}
		default:
			pending++
			if l.Outcome != "" || !l.HandledOn.IsZero() {
				t.Fatalf("pending letter with an outcome: %+v", l)
			}
			if l.ReceivedOn.DaysUntil(demoToday) >= 15 {
				t.Fatalf("%s received %s is still %s", l.Code, l.ReceivedOn, l.Status)
			}
		}
		if l.DuplicateOfID != nil && (*l.DuplicateOfID >= l.ID || l.Outcome != models.OutcomeFiled && l.Status == models.LetterStatusHandled) {
			t.Fatalf("%s duplicates %d", l.Code, *l.DuplicateOfID)
		}
	}
	if pending == 0 {
		t.Error("no letter of the last days is still pending")
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"land", demoShare(domains[models.DomainLand], classified), 73},
		{"civil", demoShare(domains[models.DomainCivil], classified), 12},
		{"other domain", demoShare(domains[models.DomainOther], classified), 15},
		{"complaint", demoShare(kinds[models.KindComplaint], classified), 60},
		{"denunciation", demoShare(kinds[models.KindDenunciation], classified), 7},
		{"petition", demoShare(kinds[models.KindPetition], classified), 33},
		{"guided", demoShare(outcomes[models.OutcomeGuided], handled), 25},
		{"transferred", demoShare(outcomes[models.OutcomeTransferred], handled), 22},
		{"urged", demoShare(outcomes[models.OutcomeUrged], handled), 2},
		{"accepted", demoShare(outcomes[models.OutcomeAccepted], handled), 3},
		{"returned", demoShare(outcomes[models.OutcomeReturned], handled), 1},
		{"filed", demoShare(outcomes[models.OutcomeFiled], handled), 47},
		{"post", demoShare(sources[models.SourcePost], len(d.letters)), 78},
	} {
		if c.got < c.want-5 || c.got > c.want+5 {
			t.Errorf("%s: %.1f%%, want %.0f%% ± 5", c.name, c.got, c.want)
		}
	}

	// The search index follows the bulk load: a letter is found by its
	// code and, for legal staff, by its first sender's name.
	ctx := services.WithActor(context.Background(), services.Actor{ID: 1, Username: "phaply", Role: models.RoleLegal})
	named := slices.DeleteFunc(slices.Clone(d.letters), func(l models.Letter) bool { return l.Anonymous })
	for _, l := range []models.Letter{named[0], named[len(named)/2]} {
		for _, q := range []string{l.Code, l.Senders[0].FullName + " " + l.Senders[0].IDNumber} {
			found, err := svc.ListLetters(ctx, models.LetterFilter{Q: q}, models.Page{Page: 1, PerPage: 10})
			if err != nil || !slices.ContainsFunc(found.Items, func(f models.Letter) bool { return f.ID == l.ID }) {
				t.Errorf("search %q: %d letters, %v", q, found.Total, err)
			}
		}
	}

	// The deadline is the service's own, and a letter registered after
	// the load continues the year's sequence.
	last := d.letters[len(d.letters)-1]
	l, err := svc.CreateLetter(ctx, models.LetterFields{ReceivedOn: last.ReceivedOn, Source: models.SourcePost,
		Senders: []models.Person{{FullName: "Lê Văn Tám"}}, Subject: "Kiến nghị về lối đi chung"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Code != fmt.Sprintf("2025/%06d", perYear[2025]+1) || l.HandlingDueOn != last.HandlingDueOn {
		t.Errorf("next letter %s due %s; last demo letter %s due %s", l.Code, l.HandlingDueOn, last.Code, last.HandlingDueOn)
	}
}

// demoInvalid fails the test with the field errors of err.
func demoInvalid(t testing.TB, what string, err error) {
	t.Helper()
	t.Fatalf("%s: %v %+v", what, err, models.AsError(err).Fields)
}

// demoCheck validates a copy of a record with the model's own rules and
// checks that the search columns stored are those PrepareSearch makes.
func demoCheck[T any, P interface {
	*T
	Validate(models.Date) error
	PrepareSearch()
}](t testing.TB, what string, rec T, columns func(*T) []string) {
	t.Helper()
	want := rec
	if err := P(&want).Validate(demoToday); err != nil {
		demoInvalid(t, what, err)
	}
	P(&want).PrepareSearch()
	if got, exp := columns(&rec), columns(&want); !slices.Equal(got, exp) {
		t.Fatalf("%s: search columns\n%q\nwant\n%q", what, got, exp)
	}
}

func derefID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

func TestDemoReceptionMeetingsAndDocuments(t *testing.T) {
	sum, d, svc := demoGenerate(t, demoOptions)
	letters := map[uint]models.Letter{}
	for _, l := range d.letters {
		letters[l.ID] = l
	}
	sessionVisits := map[uint]int{}
	firstVisit := map[uint]uint{}
	groups, repeats := 0, 0
	for _, v := range d.visits {
		c, ok := d.cases[derefID(v.CaseID)]
		if !ok {
			t.Fatalf("visit %d without a case", v.ID)
		}
		if v.Representative != c.Petitioner || v.Content != c.Title || v.Kind != c.Kind {
			t.Fatalf("visit %d differs from its case %d", v.ID, c.ID)
		}
		if _, seen := firstVisit[c.ID]; seen {
			repeats++
		} else {
			firstVisit[c.ID] = v.ID
		}
		if v.PeopleCount >= 5 {
			groups++
		}
		if v.VisitedOn.After(demoToday) || v.VisitedOn.Before(sum.From) {
			t.Fatalf("visit %d on %s", v.ID, v.VisitedOn)
		}
		switch {
		case v.SessionID != nil:
			s, ok := d.sessions[*v.SessionID]
			if !ok || s.HeldOn != v.VisitedOn || string(s.Type) != string(v.Type) {
				t.Fatalf("visit %d on %s (%s) in session %+v", v.ID, v.VisitedOn, v.Type, s)
			}
			sessionVisits[s.ID]++
		case v.Type != models.VisitTypeRegular:
			t.Fatalf("%s visit %d without a session", v.Type, v.ID)
		}
		if v.LetterID != nil {
			if l := letters[*v.LetterID]; l.Source != models.SourceReception || l.ReceivedOn != v.VisitedOn {
				t.Fatalf("visit %d on %s took letter %+v", v.ID, v.VisitedOn, l)
			}
		}
	}
	if r := float64(len(d.visits)) / float64(len(d.letters)); r < 0.35 || r > 0.45 {
		t.Errorf("%.2f visits per letter, want about 0.4", r)
	}
	if g := demoShare(groups, len(d.visits)); g < 1 || g > 6 {
		t.Errorf("%.1f%% group visits, want about 3%%", g)
	}
	if r := demoShare(repeats, len(d.visits)); r < 12 || r > 28 {
		t.Errorf("%.1f%% repeat visits, want about 20%%", r)
	}
	chairmanMonths := map[string]int{}
	for _, s := range d.sessions {
		if sessionVisits[s.ID] == 0 {
			t.Errorf("session %d without visits", s.ID)
		}
		if s.HostLevel == models.HostLevelChairman && s.Type == models.SessionTypePeriodic {
			chairmanMonths[s.HeldOn.String()[:7]]++
		}
	}
	// Every month from January 2024 to June 2025 (whose 15th has passed).
	if len(chairmanMonths) != 18 {
		t.Errorf("chairman sessions in %d months, want 18: %v", len(chairmanMonths), chairmanMonths)
	}
	for m, n := range chairmanMonths {
		if n != 1 {
			t.Errorf("%d chairman periodic sessions in %s", n, m)
		}
	}
	months := 17.6
	for _, c := range []struct {
		name     string
		meetings []models.MeetingFields
		perMonth float64
	}{
		{"dialogues", dialogueFields(d.dialogues), 3},
		{"council meetings", councilFields(d.councils), 2},
	} {
		for _, m := range c.meetings {
			if len(m.CaseIDs) == 0 {
				t.Fatalf("%s on %s without cases", c.name, m.HeldOn)
			}
			for _, id := range m.CaseIDs {
				if _, ok := d.cases[id]; !ok {
					t.Fatalf("%s on %s names case %d, which does not exist", c.name, m.HeldOn, id)
				}
			}
		}
		if per := float64(len(c.meetings)) / months; per < c.perMonth-1 || per > c.perMonth+1 {
			t.Errorf("%.1f %s a month, want about %.0f", per, c.name, c.perMonth)
		}
	}
	if r := float64(len(d.documents)) / float64(len(d.letters)); r < 0.45 || r > 0.55 {
		t.Errorf("%.2f documents per letter, want about 0.5", r)
	}
	numbers := map[string]bool{}
	for _, doc := range d.documents {
		key := fmt.Sprint(doc.IssuedOn.Year(), doc.Number)
		if numbers[key] || doc.IssuedOn.After(demoToday) {
			t.Fatalf("document %s of %s repeated or in the future", doc.Number, doc.IssuedOn)
		}
		numbers[key] = true
	}

	// The statistics of a year agree with the records.
	p, err := services.ParsePeriod(services.PeriodQuery{Year: "2024"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, err := svc.Statistics(services.WithActor(context.Background(), services.Actor{ID: 1, Role: models.RoleLeader}), p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Letters.Total != d.counters[0].Last || st.Reception.ByHostLevel[string(models.HostLevelChairman)].Sessions < 12 {
		t.Errorf("statistics of 2024: %d letters, chairman %+v", st.Letters.Total, st.Reception.ByHostLevel)
	}
}

func dialogueFields(ms []models.Dialogue) []models.MeetingFields {
	out := make([]models.MeetingFields, len(ms))
	for i, m := range ms {
		out[i] = m.MeetingFields
	}
	return out
}

func councilFields(ms []models.CouncilMeeting) []models.MeetingFields {
	out := make([]models.MeetingFields, len(ms))
	for i, m := range ms {
		out[i] = m.MeetingFields
	}
	return out
}

// TestDemoRecordsPassValidationAndSearch checks every record against the
// models' own rules, its search columns against PrepareSearch, and its
// Vietnamese text for NFC and diacritics.
func TestDemoRecordsPassValidationAndSearch(t *testing.T) {
	_, d, _ := demoGenerate(t, demoOptions)
	cccd := regexp.MustCompile(`^0\d{11}$`)
	texts, diacritics := 0, 0
	checkText := func(what, s string) {
		t.Helper()
		if s == "" {
			return
		}
		texts++
		if !norm.NFC.IsNormalString(s) {
			t.Fatalf("%s %q is not NFC", what, s)
		}
		if models.Fold(s) != s {
			diacritics++
		}
	}
	checkPerson := func(what string, p models.Person, full bool) {
		t.Helper()
		checkText(what+" name", p.FullName)
		checkText(what+" address", p.Address)
		if full && !cccd.MatchString(p.IDNumber) {
			t.Fatalf("%s CCCD %q", what, p.IDNumber)
		}
	}
	for _, l := range d.letters {
		demoCheck(t, "letter "+l.Code, l, func(l *models.Letter) []string { return []string{l.SearchText, l.SearchIdentity} })
		checkText("subject", l.Subject)
		for i, p := range l.Senders {
			checkPerson("sender", p, i == 0)
		}
		if !l.Anonymous && (l.SignerCount < len(l.Senders) || len(l.Senders) == 0) {
			t.Fatalf("letter %s: %d signers, %d senders", l.Code, l.SignerCount, len(l.Senders))
		}
	}
	for _, c := range d.cases {
		demoCheck(t, fmt.Sprint("case ", c.ID), c, func(c *models.Case) []string { return []string{c.SearchText, c.SearchIdentity} })
		checkText("title", c.Title)
		checkPerson("petitioner", c.Petitioner, true)
		if (c.Kind == models.KindComplaint) != (c.Instance != "") || (c.AcceptedOn.IsZero() != c.ResolutionDueOn.IsZero() && c.Kind != models.KindPetition) {
			t.Fatalf("case %d: kind %s instance %s accepted %s due %s", c.ID, c.Kind, c.Instance, c.AcceptedOn, c.ResolutionDueOn)
		}
	}
	for _, v := range d.visits {
		demoCheck(t, fmt.Sprint("visit ", v.ID), v, func(v *models.ReceptionVisit) []string {
			return []string{v.SearchText, v.SearchIdentity}
		})
	}
	for _, s := range d.sessions {
		demoCheck(t, fmt.Sprint("session ", s.ID), s, func(s *models.ReceptionSession) []string { return []string{s.SearchText} })
		checkText("host", s.HostName)
	}
	for _, m := range d.dialogues {
		if err := m.Validate(demoToday, true); err != nil {
			demoInvalid(t, fmt.Sprint("dialogue ", m.ID), err)
		}
		checkText("chair", m.ChairedBy)
	}
	for _, m := range d.councils {
		if err := m.Validate(demoToday, false); err != nil {
			demoInvalid(t, fmt.Sprint("council meeting ", m.ID), err)
		}
	}
	for _, doc := range d.documents {
		demoCheck(t, fmt.Sprint("document ", doc.ID), doc, func(d *models.Document) []string { return []string{d.SearchText} })
		checkText("document subject", doc.Subject)
	}
	if diacritics < texts*9/10 {
		t.Errorf("only %d of %d texts have Vietnamese diacritics", diacritics, texts)
	}
}

// TestDemoPeopleIndex checks the people index against what indexPeople
// would write for each record: one link per named person with the keys of
// models.KeysOf, and one citizen per ID number.
func TestDemoPeopleIndex(t *testing.T) {
	_, d, _ := demoGenerate(t, demoOptions)
	type named struct {
		p         models.Person
		on        models.Date
		protected bool
	}
	records := map[string]named{}
	key := func(entity string, id uint, pos int) string { return fmt.Sprint(entity, id, "/", pos) }
	for _, l := range d.letters {
		for i, p := range l.Senders {
			records[key(models.EntityLetter, l.ID, i)] = named{p, l.ReceivedOn, l.Confidential()}
		}
	}
	for _, v := range d.visits {
		records[key(models.EntityVisit, v.ID, 0)] = named{v.Representative, v.VisitedOn, v.Confidential()}
	}
	for _, c := range d.cases {
		on := c.AcceptedOn
		if on.IsZero() {
			on = models.DateOf(c.CreatedAt.In(services.DefaultConfig().Location))
		}
		records[key(models.EntityCase, c.ID, 0)] = named{c.Petitioner, on, c.Confidential()}
	}
	if len(d.links) != len(records) {
		t.Fatalf("%d links for %d named persons", len(d.links), len(records))
	}
	citizenOf := map[string]uint{}
	for _, l := range d.links {
		r, ok := records[key(l.Entity, l.RecordID, l.Position)]
		if !ok {
			t.Fatalf("link %d names %s %d/%d, which has no such person", l.ID, l.Entity, l.RecordID, l.Position)
		}
		k := models.KeysOf(r.p)
		want := models.PersonLink{ID: l.ID, PersonID: l.PersonID, Entity: l.Entity, RecordID: l.RecordID,
			Position: l.Position, On: r.on, Protected: r.protected, Creator: l.Creator, FullName: r.p.FullName,
			IDNumber: k.IDNumber, Phone: k.Phone, Address: r.p.Address, NameKey: k.Name, AddressKey: k.Address}
		if l != want || l.PersonID == 0 || int64(l.PersonID) > d.people {
			t.Fatalf("link\n%+v\nwant\n%+v", l, want)
		}
		if l.IDNumber == "" {
			continue
		}
		if c, seen := citizenOf[l.IDNumber]; seen && c != l.PersonID {
			t.Fatalf("ID number %s belongs to citizens %d and %d", l.IDNumber, c, l.PersonID)
		}
		citizenOf[l.IDNumber] = l.PersonID
	}
}

// demoDigest sums up the generated records that a seed decides.
func demoDigest(d demoData) string {
	h := sha256.New()
	for _, l := range d.letters {
		fmt.Fprintln(h, l.Code, l.Subject, l.Senders, l.Status, l.Outcome, l.HandledOn)
	}
	for _, v := range d.visits {
		fmt.Fprintln(h, v.VisitedOn, v.Content, v.Representative, derefID(v.CaseID), derefID(v.SessionID))
	}
	for _, doc := range d.documents {
		fmt.Fprintln(h, doc.Number, doc.Subject)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestDemoSameSeedSameData(t *testing.T) {
	o := demoOptions
	o.Letters = 800
	_, a, _ := demoGenerate(t, o)
	_, b, _ := demoGenerate(t, o)
	if demoDigest(a) != demoDigest(b) {
		t.Error("the same seed gave different data")
	}
	o.Seed++
	_, c, _ := demoGenerate(t, o)
	if demoDigest(a) == demoDigest(c) {
		t.Error("another seed gave the same data")
	}
}

func TestDemoCreatorAndRefusals(t *testing.T) {
	svc, db := demoEnv(t)
	if _, _, err := svc.EnsureAdmin(context.Background(), "mat-khau-quan-tri"); err != nil {
		t.Fatal(err)
	}
	var admin models.User
	if err := db.Where("username = ?", "admin").First(&admin).Error; err != nil {
		t.Fatal(err)
	}
	reception := services.WithActor(context.Background(), services.Actor{ID: 9, Username: "tiepdan", Role: models.RoleReception})
	o := services.DemoOptions{Letters: 50, FromYear: 2025, ToYear: 2025, Seed: 1}
	if _, err := svc.GenerateDemo(reception, o); models.CodeOf(err) != models.CodeForbidden {
		t.Fatalf("a reception officer loaded demo data: %v", err)
	}
	sum, err := svc.GenerateDemo(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	var creators []uint
	db.Model(&models.Letter{}).Distinct().Pluck("created_by", &creators)
	if len(creators) != 1 || creators[0] != admin.ID || sum.Letters != 50 || sum.To != demoToday {
		t.Errorf("creators %v (admin %d), summary %+v", creators, admin.ID, sum)
	}
	if _, err := svc.GenerateDemo(context.Background(), o); models.CodeOf(err) != models.CodeConflict {
		t.Errorf("a second load into a register with letters: %v", err)
	}

	for _, c := range []struct {
		name  string
		o     services.DemoOptions
		field string
	}{
		{"no letters", services.DemoOptions{Letters: 0, FromYear: 2024, ToYear: 2025}, "letters"},
		{"too many letters", services.DemoOptions{Letters: services.MaxDemoLetters + 1, FromYear: 2024, ToYear: 2025}, "letters"},
		{"years reversed", services.DemoOptions{Letters: 10, FromYear: 2025, ToYear: 2024}, "from_year"},
		{"future year", services.DemoOptions{Letters: 10, FromYear: 2025, ToYear: 2026}, "to_year"},
		{"before 2000", services.DemoOptions{Letters: 10, FromYear: 1999, ToYear: 2025}, "from_year"},
		{"ends before 2000", services.DemoOptions{Letters: 10, FromYear: 2000, ToYear: 1999}, "to_year"},
	} {
		t.Run(c.name+" is invalid", func(t *testing.T) {
			err := c.o.Validate(demoToday)
			e := models.AsError(err)
			if models.CodeOf(err) != models.CodeInvalid || len(e.Fields) == 0 || e.Fields[0].Field != c.field {
				t.Fatalf("got %v", err)
			}
			if _, err := svc.GenerateDemo(context.Background(), c.o); models.CodeOf(err) != models.CodeInvalid {
				t.Fatalf("GenerateDemo: %v", err)
			}
		})
	}
}
