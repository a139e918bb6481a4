package services

import (
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"kntc/models"
)

// personRef is the record a person is named on, as the people index keeps it.
type personRef struct {
	entity    string
	id        uint
	on        models.Date
	protected bool
	creator   uint
	// fresh says the record has no links yet: its id was just taken, so
	// there are none to look up and replace.
	fresh bool
}

// maxIndexedPersons bounds the senders of one letter that the index keeps.
const maxIndexedPersons = 20

// indexLetter refreshes the people index for a letter's senders.
func indexLetter(tx *gorm.DB, l *models.Letter) error {
	return indexPeople(tx, letterRef(l), l.Senders)
}

// indexNewLetter is indexLetter for a letter whose id was just reserved
// (models.NextID) and that has no links yet.
func indexNewLetter(tx *gorm.DB, l *models.Letter) error {
	ref := letterRef(l)
	ref.fresh = true
	return indexPeople(tx, ref, l.Senders)
}

// letterRef is the people index's reference to a letter.
func letterRef(l *models.Letter) personRef {
	return personRef{entity: models.EntityLetter, id: l.ID, on: l.ReceivedOn, protected: l.Confidential(), creator: l.CreatedBy}
}

// indexVisit refreshes the people index for a visit's representative.
func indexVisit(tx *gorm.DB, r *models.ReceptionVisit) error {
	return indexPeople(tx, personRef{entity: models.EntityVisit, id: r.ID, on: r.VisitedOn, protected: r.Confidential(), creator: r.CreatedBy},
		[]models.Person{r.Representative})
}

// indexCase refreshes the people index for a case's petitioner; a case not
// yet accepted is dated by the day it was opened.
func indexCase(tx *gorm.DB, c *models.Case) error {
	return indexCaseOn(tx, c, models.Date{})
}

// indexCaseOn is indexCase with the date that stands for a case not yet
// accepted (the day of the visit that opened it); zero means the day the
// case was created.
func indexCaseOn(tx *gorm.DB, c *models.Case, opened models.Date) error {
	on := c.AcceptedOn
	if on.IsZero() {
		var kept []models.PersonLink // a correction keeps the date the case was opened on
		if err := tx.Where("entity = ? AND record_id = ?", models.EntityCase, c.ID).Limit(1).Find(&kept).Error; err != nil {
			return err
		}
		switch {
		case !opened.IsZero():
			on = opened
		case len(kept) > 0:
			on = kept[0].On
		default:
			created := c.CreatedAt
			if created.IsZero() {
				created = time.Now()
			}
			on = models.DateOf(created.In(officeZone))
		}
	}
	return indexPeople(tx, personRef{entity: models.EntityCase, id: c.ID, on: on, protected: c.Confidential(), creator: c.CreatedBy},
		[]models.Person{c.Petitioner})
}

// officeZone dates the index rows of cases not yet accepted; Vietnam has
// one zone and no daylight saving.
var officeZone = time.FixedZone("ICT", 7*3600)

// indexPeople replaces the record's links: each named person is matched to
// a known citizen (same ID number; or same folded name with the same address
// or phone, where the citizen's ID number does not differ) or becomes a new one.
func indexPeople(tx *gorm.DB, ref personRef, persons []models.Person) error {
	var touched []uint // the citizens named before and after, whose dates change
	if !ref.fresh {
		if err := tx.Model(&models.PersonLink{}).Where("entity = ? AND record_id = ?", ref.entity, ref.id).
			Distinct().Pluck("person_id", &touched).Error; err != nil {
			return err
		}
		if err := tx.Where("entity = ? AND record_id = ?", ref.entity, ref.id).Delete(&models.PersonLink{}).Error; err != nil {
			return err
		}
	}
	if err := lockKeys(tx, persons); err != nil {
		return err
	}
	for i, p := range persons {
		if i == maxIndexedPersons {
			break
		}
		k := models.KeysOf(p)
		if k.Name == "" && k.IDNumber == "" && k.Phone == "" {
			continue
		}
		personID, err := matchCitizen(tx, k)
		if err != nil {
			return err
		}
		if personID == 0 {
			c := models.Citizen{}
			if err := tx.Create(&c).Error; err != nil {
				return err
			}
			personID = c.ID
		}
		link := models.PersonLink{PersonID: personID, Entity: ref.entity, RecordID: ref.id, Position: i, On: ref.on,
			Protected: ref.protected, Creator: ref.creator, FullName: p.FullName, IDNumber: k.IDNumber, Phone: k.Phone,
			Address: p.Address, NameKey: k.Name, AddressKey: k.Address}
		if err := tx.Create(&link).Error; err != nil {
			return err
		}
		touched = append(touched, personID)
	}
	return models.RefreshCitizens(tx, touched)
}

// matchCitizen returns the citizen the keys name, or 0 when none is known.
func matchCitizen(tx *gorm.DB, k models.PersonKeys) (uint, error) {
	try := func(where string, args ...any) (uint, error) {
		var ids []uint
		err := tx.Model(&models.PersonLink{}).Where(where, args...).Order("id").Limit(1).Pluck("person_id", &ids).Error
		if err != nil || len(ids) == 0 {
			return 0, err
		}
		return ids[0], nil
	}
	if k.IDNumber != "" {
		if id, err := try("id_number = ?", k.IDNumber); id != 0 || err != nil {
			return id, err
		}
	}
	// A name with an address or phone matches a citizen known by no other
	// ID number; a person with no ID number matches any.
	sameID, args := "", []any{}
	if k.IDNumber != "" {
		sameID = ` AND NOT EXISTS (SELECT 1 FROM person_links o WHERE o.person_id = person_links.person_id
			AND o.id_number <> '' AND o.id_number <> ?)`
		args = []any{k.IDNumber}
	}
	if k.Name != "" && k.Address != "" {
		if id, err := try("name_key = ? AND address_key = ?"+sameID, append([]any{k.Name, k.Address}, args...)...); id != 0 || err != nil {
			return id, err
		}
	}
	if k.Name != "" && k.Phone != "" {
		return try("name_key = ? AND phone = ?"+sameID, append([]any{k.Name, k.Phone}, args...)...)
	}
	return 0, nil
}

// visibleLinks keeps the links a may see: a protected identity only for
// those who may read it (legal, leaders, the officer who recorded it).
func visibleLinks(q *gorm.DB, a Actor) *gorm.DB {
	if a.Role.Can(models.PermSeeProtected) {
		return q
	}
	return q.Where("(person_links.protected = ? OR person_links.creator = ?)", false, a.ID)
}

// lockKeys serialises, on PostgreSQL, the transactions that index the same
// person: each waits on an advisory lock per match key (taken in one order,
// so two records never wait on each other), and so sees the citizen the
// other created instead of creating a second one. SQLite has one writer.
func lockKeys(tx *gorm.DB, persons []models.Person) error {
	if tx.Dialector.Name() != models.DriverPostgres {
		return nil
	}
	var locks []int64
	for i, p := range persons {
		if i == maxIndexedPersons {
			break
		}
		k := models.KeysOf(p)
		for _, key := range []string{"id|" + k.IDNumber, "na|" + k.Name + "|" + k.Address, "np|" + k.Name + "|" + k.Phone} {
			if !strings.HasSuffix(key, "|") && !strings.Contains(key, "||") {
				h := fnv.New64a()
				h.Write([]byte(key))
				locks = append(locks, int64(h.Sum64()))
			}
		}
	}
	slices.Sort(locks)
	for _, l := range slices.Compact(locks) {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", l).Error; err != nil {
			return err
		}
	}
	return nil
}
