package models

import (
	"time"

	"gorm.io/gorm"
)

// Citizen is one person (or group's representative) known to the office:
// the stable key of the citizen file. Its records are reached through its
// links; it holds no identity of its own, so nothing protected is kept twice
// outside the links that say which record it came from.
type Citizen struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	CreatedAt time.Time `json:"created_at"`
	// LastOn is the date of the citizen's latest record, and PublicLastOn
	// that of the latest one whose identity is not protected: they order the
	// citizen list without grouping every link (RefreshCitizens keeps them).
	LastOn       Date `gorm:"index" json:"-"`
	PublicLastOn Date `gorm:"index" json:"-"`
}

// TableName keeps citizens in the people table.
func (Citizen) TableName() string { return "people" }

// Entities a person link points at.
const (
	EntityLetter = "letter"
	EntityVisit  = "visit"
	EntityCase   = "case"
)

// PersonLink ties a person named on a record (a letter's sender, a visit's
// representative, a case's petitioner) to a citizen, with the identity as
// written on that record and its match keys, so that duplicates and the
// citizen file are found by indexed equality, not by scanning the records.
type PersonLink struct {
	ID        uint   `gorm:"primaryKey" json:"-"`
	PersonID  uint   `gorm:"not null;index" json:"person_id"`
	Entity    string `gorm:"size:10;not null;index:idx_person_links_record,priority:1" json:"entity"`
	RecordID  uint   `gorm:"not null;index:idx_person_links_record,priority:2" json:"record_id"`
	Position  int    `gorm:"not null;default:0" json:"-"`
	On        Date   `gorm:"column:on_date;not null" json:"on"`
	Protected bool   `gorm:"not null;default:false" json:"-"`
	Creator   uint   `gorm:"not null;default:0" json:"-"`
	// The identity as written on the record.
	FullName string `gorm:"size:200" json:"full_name"`
	IDNumber string `gorm:"size:20;index" json:"id_number"`
	Phone    string `gorm:"size:30;index" json:"phone"`
	Address  string `gorm:"size:500" json:"address"`
	// Match keys: folded name and address (see PersonKeys).
	NameKey    string `gorm:"size:200;index:idx_person_links_name,priority:1" json:"-"`
	AddressKey string `gorm:"size:500;index:idx_person_links_name,priority:2" json:"-"`
}

// RefreshCitizens recomputes the latest dates of the given citizens from
// their links.
func RefreshCitizens(tx *gorm.DB, ids []uint) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.Exec(`UPDATE people SET
		last_on = (SELECT MAX(l.on_date) FROM person_links l WHERE l.person_id = people.id),
		public_last_on = (SELECT MAX(l.on_date) FROM person_links l WHERE l.person_id = people.id AND l.protected = ?)
		WHERE id IN ?`, false, ids).Error
}

// UnlinkRecord removes the people links of a record and refreshes the
// citizens it named; a withdrawn record leaves the citizen file and the
// duplicate hints in the same transaction.
func UnlinkRecord(tx *gorm.DB, entity string, id uint) error {
	if id == 0 {
		return nil
	}
	var ids []uint
	if err := tx.Model(&PersonLink{}).Where("entity = ? AND record_id = ?", entity, id).Distinct().Pluck("person_id", &ids).Error; err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	if err := tx.Where("entity = ? AND record_id = ?", entity, id).Delete(&PersonLink{}).Error; err != nil {
		return err
	}
	return RefreshCitizens(tx, ids)
}

// AfterDelete takes a withdrawn letter out of the people index.
func (l *Letter) AfterDelete(tx *gorm.DB) error { return UnlinkRecord(tx, EntityLetter, l.ID) }

// AfterDelete takes a withdrawn visit out of the people index.
func (r *ReceptionVisit) AfterDelete(tx *gorm.DB) error { return UnlinkRecord(tx, EntityVisit, r.ID) }

// AfterDelete takes a withdrawn case out of the people index.
func (c *Case) AfterDelete(tx *gorm.DB) error { return UnlinkRecord(tx, EntityCase, c.ID) }
