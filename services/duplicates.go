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
	var conds []string
	var args []any
	for i, p := range r.persons {
		if i == maxIndexedPersons {
			break
		}
		k := models.KeysOf(p)
		keys = append(keys, k)
		if k.IDNumber != "" {
			conds, args = append(conds, "id_number = ?"), append(args, k.IDNumber)
		}
		if k.Name != "" && k.Address != "" {
			conds, args = append(conds, "(name_key = ? AND address_key = ?)"), append(args, k.Name, k.Address)
		}
	}
	if len(conds) == 0 {
		return out, nil
	}
	q := db.Model(&models.PersonLink{}).Where("entity IN ?", []string{models.EntityLetter, models.EntityCase}).
		Where("("+strings.Join(conds, " OR ")+")", args...).
		Where("NOT (entity = ? AND record_id = ?)", r.entity, r.id)
	if r.caseID != nil {
		q = q.Where("NOT (entity = ? AND record_id = ?)", models.EntityCase, *r.caseID)
	}
	var links []models.PersonLink
	if err := visibleLinks(q, a).Order("on_date DESC, id DESC").Limit(200).Find(&links).Error; err != nil {
		return out, models.Internal(err)
	}
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

// fillHints completes the hints from the non-withdrawn letters and cases
// that a may see, and writes their reasons.
func (s *Service) fillHints(db *gorm.DB, a Actor, subject string, hints map[string]*models.DuplicateHint, letterIDs, caseIDs []uint) error {
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
		h.SimilarSubject = models.SubjectSimilarity(subject, l.Subject) >= models.SimilarSubjectShare
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
		h.SimilarSubject = models.SubjectSimilarity(subject, c.Title) >= models.SimilarSubjectShare
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
