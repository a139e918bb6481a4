package services

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"kntc/models"
)

// maxDuplicateHints bounds the possible duplicates offered for one record.
const maxDuplicateHints = 20

// dupSubject is the record whose duplicates are looked for.
type dupSubject struct {
	entity  string // models.EntityLetter or models.EntityVisit
	id      uint
	caseID  *uint
	subject string
	persons []models.Person
	// confidential and creator decide whether the reader may see the
	// record's identity, and so any match made on it.
	confidential bool
	creator      uint
}

// possibleDuplicates finds the other letters and cases of the same person:
// same ID number, or same folded name and address; those whose subject is
// similar come first. A reader who may not see the record's protected
// identity gets none (the match would tell who the denouncer is), and a
// match on another record's protected identity is offered only to those who
// may see it. Hints never carry a name.
func (s *Service) possibleDuplicates(db *gorm.DB, a Actor, r dupSubject) ([]models.DuplicateHint, error) {
	out := []models.DuplicateHint{}
	if r.confidential && !maySee(a, r.creator) {
		return out, nil
	}
	var keys []models.PersonKeys
	for i, p := range r.persons {
		if i == maxIndexedPersons {
			break
		}
		keys = append(keys, models.KeysOf(p))
	}
	links, err := s.sameKeyLinks(db, a, keys)
	if err != nil {
		return out, models.Internal(err)
	}
	links = slices.DeleteFunc(links, func(l models.PersonLink) bool {
		return (l.Entity != models.EntityLetter && l.Entity != models.EntityCase) ||
			(l.Entity == r.entity && l.RecordID == r.id) ||
			(l.Entity == models.EntityCase && r.caseID != nil && l.RecordID == *r.caseID)
	})
	hints := map[string]*models.DuplicateHint{}
	var letterIDs, caseIDs []uint
	for _, l := range links {
		key := l.Entity + "/" + uintString(l.RecordID)
		h := hints[key]
		if h == nil {
			h = &models.DuplicateHint{Type: l.Entity, ID: l.RecordID}
			hints[key] = h
			if l.Entity == models.EntityLetter {
				letterIDs = append(letterIDs, l.RecordID)
			} else {
				caseIDs = append(caseIDs, l.RecordID)
			}
		}
		for _, k := range keys {
			h.SameID = h.SameID || (k.IDNumber != "" && k.IDNumber == l.IDNumber)
			h.SameNameAddress = h.SameNameAddress || (k.Name != "" && k.Address != "" && k.Name == l.NameKey && k.Address == l.AddressKey)
		}
	}
	if err := s.fillHints(db, a, r.subject, hints, letterIDs, caseIDs); err != nil {
		return out, models.Internal(err)
	}
	for _, h := range hints {
		if h.Reason != "" { // filled: the record exists and may be shown
			out = append(out, *h)
		}
	}
	slices.SortFunc(out, func(x, y models.DuplicateHint) int {
		if x.SimilarSubject != y.SimilarSubject {
			if x.SimilarSubject {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(hintDate(y), hintDate(x)), cmp.Compare(x.Type, y.Type), cmp.Compare(y.ID, x.ID))
	})
	if len(out) > maxDuplicateHints {
		out = out[:maxDuplicateHints]
	}
	return out, nil
}

// linksPerKey bounds the links read for one ID number or name and address.
const linksPerKey = 200

// sameKeyLinks reads the links a may see that share an ID number, or a
// name and an address, with keys. Each key is a query of its own on its
// own index (an OR of both lets SQLite's planner pick a worse index on a
// table that was never analysed), and the queries go to the database as
// one UNION ALL, a statement per read instead of one per key. The links
// come back key by key, newest first, each once.
func (s *Service) sameKeyLinks(db *gorm.DB, a Actor, keys []models.PersonKeys) ([]models.PersonLink, error) {
	var parts []string
	var args []any
	add := func(where string, whereArgs ...any) {
		// Only what the hints use: a repeat complainant has hundreds of
		// links, and reading whole rows was a tenth of a read's CPU.
		q := visibleLinks(db.Session(&gorm.Session{NewDB: true}).Model(&models.PersonLink{}).Where(where, whereArgs...), a).
			Select("id", "entity", "record_id", "id_number", "name_key", "address_key", "on_date").
			Order("on_date DESC, id DESC").Limit(linksPerKey)
		parts = append(parts, "SELECT "+strconv.Itoa(len(parts))+" AS part, k.* FROM (?) AS k")
		args = append(args, q)
	}
	for _, k := range keys {
		if k.IDNumber != "" {
			add("id_number = ?", k.IDNumber)
		}
		if k.Name != "" && k.Address != "" {
			add("name_key = ? AND address_key = ?", k.Name, k.Address)
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	var links []models.PersonLink
	err := db.Session(&gorm.Session{NewDB: true}).
		Raw(strings.Join(parts, " UNION ALL ")+" ORDER BY part, on_date DESC, id DESC", args...).Scan(&links).Error
	if err != nil {
		return nil, err
	}
	seen := make(map[uint]bool, len(links))
	return slices.DeleteFunc(links, func(l models.PersonLink) bool {
		dup := seen[l.ID]
		seen[l.ID] = true
		return dup
	}), nil
}

// fillHints completes the hints from the non-withdrawn letters and cases
// that a may see, and writes their reasons.
func (s *Service) fillHints(db *gorm.DB, a Actor, subject string, hints map[string]*models.DuplicateHint, letterIDs, caseIDs []uint) error {
	words := models.SubjectWords(subject) // once, not once per hint
	similar := func(other string) bool {
		return models.WordSimilarity(words, models.SubjectWords(other)) >= models.SimilarSubjectShare
	}
	var letters []models.Letter
	if len(letterIDs) > 0 {
		if err := db.Select("id", "code", "subject", "received_on", "case_id", "kind", "created_by").Find(&letters, letterIDs).Error; err != nil {
			return err
		}
	}
	for _, l := range letters {
		if l.Confidential() && !maySee(a, l.CreatedBy) {
			continue
		}
		h := hints[models.EntityLetter+"/"+uintString(l.ID)]
		h.Code, h.Subject, h.ReceivedOn, h.CaseID = l.Code, l.Subject, l.ReceivedOn, l.CaseID
		h.SimilarSubject = similar(l.Subject)
		h.Reason = hintReason(h)
	}
	var cs []models.Case
	if len(caseIDs) > 0 {
		if err := db.Select("id", "title", "accepted_on", "kind", "created_by").Find(&cs, caseIDs).Error; err != nil {
			return err
		}
	}
	for _, c := range cs {
		if c.Confidential() && !maySee(a, c.CreatedBy) {
			continue
		}
		h := hints[models.EntityCase+"/"+uintString(c.ID)]
		h.Title, h.AcceptedOn = c.Title, c.AcceptedOn
		h.SimilarSubject = similar(c.Title)
		h.Reason = hintReason(h)
	}
	return nil
}

// hintReason says in Vietnamese why a record is offered.
func hintReason(h *models.DuplicateHint) string {
	var parts []string
	if h.SameID {
		parts = append(parts, "cùng số CMND/CCCD")
	}
	if h.SameNameAddress {
		parts = append(parts, "cùng họ tên và địa chỉ")
	}
	if h.SimilarSubject {
		parts = append(parts, "nội dung tương tự")
	}
	if len(parts) == 0 {
		return "Cùng người gửi."
	}
	r := strings.Join(parts, ", ")
	return strings.ToUpper(r[:1]) + r[1:] + "."
}

// hintDate is the date a hint is ordered by.
func hintDate(h models.DuplicateHint) string {
	if h.Type == models.EntityLetter {
		return h.ReceivedOn.String()
	}
	return h.AcceptedOn.String()
}

// letterDuplicates fills a letter's possible duplicates for the reader.
func (s *Service) letterDuplicates(ctx context.Context, a Actor, l *models.Letter) error {
	hints, err := s.possibleDuplicates(s.read(ctx), a, dupSubject{entity: models.EntityLetter, id: l.ID, caseID: l.CaseID,
		subject: l.Subject, persons: l.Senders, confidential: l.Confidential(), creator: l.CreatedBy})
	l.PossibleDuplicates = hints
	return err
}

// visitDuplicates fills a visit's possible duplicates for the reader.
func (s *Service) visitDuplicates(ctx context.Context, a Actor, r *models.ReceptionVisit) error {
	hints, err := s.possibleDuplicates(s.read(ctx), a, dupSubject{entity: models.EntityVisit, id: r.ID, caseID: r.CaseID,
		subject: r.Content, persons: []models.Person{r.Representative}, confidential: r.Confidential(), creator: r.CreatedBy})
	r.PossibleDuplicates = hints
	return err
}

// uintString formats an id.
func uintString(id uint) string { return strconv.FormatUint(uint64(id), 10) }
