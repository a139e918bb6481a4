package services

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"kntc/models"
)

// PersonSummary is one citizen found by GET /api/v1/people: the identity as
// last written on a record the reader may see, and how many letters, visits
// and cases name them.
type PersonSummary struct {
	ID       uint   `json:"id"`
	FullName string `json:"full_name"`
	IDNumber string `json:"id_number"`
	Phone    string `json:"phone"`
	Address  string `json:"address"`
	Letters  int    `json:"letters"`
	Visits   int    `json:"visits"`
	Cases    int    `json:"cases"`
	// LastContactOn is the date of the latest record.
	LastContactOn models.Date `json:"last_contact_on"`
}

// PersonFile is the citizen file (hồ sơ công dân): the answer of
// GET /api/v1/people/{id} and the content of the page /people/{id}.
type PersonFile struct {
	PersonSummary
	// Records are every letter, visit and case of the person, by date.
	Records []PersonRecord `json:"records"`
}

// PersonRecord is one letter, visit or case in a citizen file.
type PersonRecord struct {
	Type        string      `json:"type"` // letter, visit or case
	ID          uint        `json:"id"`
	Code        string      `json:"code,omitempty"` // letters' register number
	Date        models.Date `json:"date"`           // received, visited, or accepted (opened) on
	Title       string      `json:"title"`          // subject, content or title, shortened
	Kind        models.Kind `json:"kind"`
	KindLabel   string      `json:"kind_label"`
	Status      string      `json:"status"`
	StatusLabel string      `json:"status_label"`
	CaseID      *uint       `json:"case_id,omitempty"`
	// Occurrence is N in "lần thứ N": the N-th contact (letter or visit) of
	// the person, counted over what the reader may see; 0 for cases, which
	// are the matters the contacts are about, not contacts.
	Occurrence int `json:"occurrence,omitempty"`
}

// PeopleFilter selects citizens: Q matches folded names, ID numbers and phone numbers.
type PeopleFilter struct {
	Q string
}

// SearchPeople returns a page of the citizens whose name, ID number or
// phone holds every word of q, latest contact first. A protected identity
// is found only by those who may read it.
func (s *Service) SearchPeople(ctx context.Context, f PeopleFilter, p models.Page) (models.List[PersonSummary], error) {
	out := models.List[PersonSummary]{Items: []PersonSummary{}, Page: p.Page, PerPage: p.PerPage}
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return out, err
	}
	db := s.read(ctx)
	ids, err := s.findPeople(db, a, f.Q, p, &out.Total)
	if err != nil {
		return out, err
	}
	files, err := s.personLinks(db, a, ids)
	if err != nil {
		return out, err
	}
	for _, id := range ids {
		links := files[id]
		if len(links) == 0 {
			continue
		}
		sum, reveal := summarize(id, links)
		out.Items = append(out.Items, sum)
		if reveal != nil {
			if err := s.auditReveal(ctx, a, *reveal); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// findPeople returns the ids of one page of the citizens that match q for
// a, and counts them all. With no q the citizens come from the people table
// by their latest record (the one whose identity is not protected, for a
// reader who may not see protected identity); with q, from the links whose
// name, ID number or phone holds every word.
func (s *Service) findPeople(db *gorm.DB, a Actor, query string, p models.Page, total *int64) ([]uint, error) {
	var ids []uint
	terms := models.SearchTerms(query)
	if len(terms) == 0 {
		col := "public_last_on"
		if a.Role.Can(models.PermSeeProtected) {
			col = "last_on"
		}
		q := db.Model(&models.Citizen{}).Where(col + " IS NOT NULL").Session(&gorm.Session{})
		if err := q.Count(total).Error; err != nil {
			return nil, models.Internal(err)
		}
		if err := q.Order(col+" DESC, id DESC").Offset(p.Offset()).Limit(p.PerPage).Pluck("id", &ids).Error; err != nil {
			return nil, models.Internal(err)
		}
		return ids, nil
	}
	q := visibleLinks(db.Model(&models.PersonLink{}), a)
	for _, term := range terms {
		if number := numberTerm(term); number != "" { // an ID or phone number, maybe with dots or dashes
			like := models.LikePattern(number)
			q = q.Where(`(id_number LIKE ? ESCAPE '\' OR phone LIKE ? ESCAPE '\')`, like, like)
			continue
		}
		for _, word := range strings.Fields(models.FoldWords(term)) {
			q = q.Where(`name_key LIKE ? ESCAPE '\'`, models.LikePattern(word))
		}
	}
	q = q.Session(&gorm.Session{}) // shared by the count and the page
	if err := q.Distinct("person_id").Count(total).Error; err != nil {
		return nil, models.Internal(err)
	}
	if err := q.Select("person_id").Group("person_id").Order("MAX(on_date) DESC, person_id DESC").
		Offset(p.Offset()).Limit(p.PerPage).Pluck("person_id", &ids).Error; err != nil {
		return nil, models.Internal(err)
	}
	return ids, nil
}

// numberTerm returns the digits of a search word made of digits and
// separators ("079.123", "0912-345"), or "" for a word with letters.
func numberTerm(term string) string {
	var b strings.Builder
	for _, r := range term {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsLetter(r):
			return ""
		}
	}
	return b.String()
}

// GetPerson returns the citizen file of person id: the identity, the counts
// and every letter, visit and case the reader may see, in date order, with
// "lần thứ N" on each contact.
func (s *Service) GetPerson(ctx context.Context, id uint) (PersonFile, error) {
	var out PersonFile
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return out, err
	}
	db := s.read(ctx)
	files, err := s.personLinks(db, a, []uint{id})
	if err != nil {
		return out, err
	}
	links := files[id]
	if len(links) == 0 {
		return out, models.NotFound("công dân")
	}
	sum, reveal := summarize(id, links)
	out.PersonSummary = sum
	if out.Records, err = personRecords(db, links); err != nil {
		return out, models.Internal(err)
	}
	if reveal != nil {
		err = s.auditReveal(ctx, a, *reveal)
	}
	return out, err
}

// personLinks reads the visible, live links of the given citizens, by citizen.
func (s *Service) personLinks(db *gorm.DB, a Actor, ids []uint) (map[uint][]models.PersonLink, error) {
	out := map[uint][]models.PersonLink{}
	if len(ids) == 0 {
		return out, nil
	}
	var links []models.PersonLink
	q := visibleLinks(db.Model(&models.PersonLink{}).Where("person_id IN ?", ids), a)
	if err := q.Order("on_date, id").Find(&links).Error; err != nil {
		return out, models.Internal(err)
	}
	for _, l := range links {
		out[l.PersonID] = append(out[l.PersonID], l)
	}
	return out, nil
}

// summarize counts a citizen's records and takes the identity from the
// latest link, preferring one that is not protected; reveal is that link
// when its identity is protected, so the answer must be audited.
func summarize(id uint, links []models.PersonLink) (PersonSummary, *models.PersonLink) {
	sum := PersonSummary{ID: id}
	seen := map[string]bool{}
	var shown *models.PersonLink
	for i := range links {
		l := &links[i]
		if key := l.Entity + "/" + uintString(l.RecordID); !seen[key] {
			seen[key] = true
			switch l.Entity {
			case models.EntityLetter:
				sum.Letters++
			case models.EntityVisit:
				sum.Visits++
			case models.EntityCase:
				sum.Cases++
			}
		}
		if l.On.After(sum.LastContactOn) {
			sum.LastContactOn = l.On
		}
		if shown == nil || !l.Protected || shown.Protected {
			shown = l // links are in date order: the last one wins
		}
	}
	sum.FullName, sum.IDNumber, sum.Phone, sum.Address = shown.FullName, shown.IDNumber, shown.Phone, shown.Address
	if shown.Protected {
		return sum, shown
	}
	return sum, nil
}

// auditReveal records that an answer showed the protected identity of a record.
func (s *Service) auditReveal(ctx context.Context, a Actor, l models.PersonLink) error {
	entity := map[string]string{models.EntityLetter: "letter", models.EntityVisit: "reception_visit", models.EntityCase: "case"}[l.Entity]
	return s.write(ctx, func(tx *gorm.DB) error {
		return s.audit(tx, a, ActionReveal, entity, l.RecordID, nil, "Hồ sơ công dân")
	})
}

// personRecords loads the records of a citizen's links and numbers the contacts.
func personRecords(db *gorm.DB, links []models.PersonLink) ([]PersonRecord, error) {
	ids := map[string][]uint{}
	for _, l := range links {
		ids[l.Entity] = append(ids[l.Entity], l.RecordID)
	}
	out := []PersonRecord{}
	var letters []models.Letter
	var visits []models.ReceptionVisit
	var cs []models.Case
	if err := findIDs(db, &letters, ids[models.EntityLetter], "id", "code", "subject", "received_on", "kind", "status", "case_id"); err != nil {
		return nil, err
	}
	if err := findIDs(db, &visits, ids[models.EntityVisit], "id", "content", "visited_on", "kind", "outcome", "case_id"); err != nil {
		return nil, err
	}
	if err := findIDs(db, &cs, ids[models.EntityCase], "id", "title", "kind", "status"); err != nil {
		return nil, err
	}
	for _, l := range letters {
		out = append(out, PersonRecord{Type: models.EntityLetter, ID: l.ID, Code: l.Code, Date: l.ReceivedOn,
			Title: shorten(l.Subject, caseTitleLen), Kind: l.Kind, KindLabel: l.Kind.Label(), Status: string(l.Status),
			StatusLabel: l.Status.Label(), CaseID: l.CaseID})
	}
	for _, v := range visits {
		out = append(out, PersonRecord{Type: models.EntityVisit, ID: v.ID, Date: v.VisitedOn,
			Title: shorten(v.Content, caseTitleLen), Kind: v.Kind, KindLabel: v.Kind.Label(), Status: string(v.Outcome),
			StatusLabel: v.Outcome.Label(), CaseID: v.CaseID})
	}
	caseDates := map[uint]models.Date{} // accepted on, or opened on when not accepted
	for _, l := range links {
		if l.Entity == models.EntityCase {
			caseDates[l.RecordID] = l.On
		}
	}
	for _, c := range cs {
		out = append(out, PersonRecord{Type: models.EntityCase, ID: c.ID, Date: caseDates[c.ID], Title: shorten(c.Title, caseTitleLen),
			Kind: c.Kind, KindLabel: c.Kind.Label(), Status: string(c.Status), StatusLabel: c.Status.Label()})
	}
	order := map[string]int{models.EntityLetter: 0, models.EntityVisit: 1, models.EntityCase: 2}
	slices.SortFunc(out, func(x, y PersonRecord) int {
		return cmp.Or(cmp.Compare(x.Date.String(), y.Date.String()), cmp.Compare(order[x.Type], order[y.Type]), cmp.Compare(x.ID, y.ID))
	})
	n := 0
	for i := range out {
		if out[i].Type != models.EntityCase {
			n++
			out[i].Occurrence = n
		}
	}
	return out, nil
}

// findIDs reads the non-withdrawn rows with the given ids, only the columns named.
func findIDs[T any](db *gorm.DB, dst *[]T, ids []uint, columns ...string) error {
	if len(ids) == 0 {
		return nil
	}
	return db.Select(columns).Where("id IN ?", ids).Find(dst).Error
}
