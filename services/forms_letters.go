package services

import (
	"gorm.io/gorm"

	"kntc/models"
)

// The resolution state of an eligible letter's matter (tình trạng giải
// quyết), from its linked case.
const (
	stateOnce    = "once"    // đã giải quyết lần đầu
	stateMany    = "many"    // đã giải quyết nhiều lần
	statePending = "pending" // chưa giải quyết xong
)

// letterFlow is the flow of letters through the period (01/XLD columns
// 2-5) and the distinct cases of the eligible ones (column 7).
type letterFlow struct {
	Carried  int // received before the period, not handled by its start
	Received int // received in the period
	Handled  int // of those, handled in the period
	// EligibleCases counts the distinct live cases of the eligible letters
	// handled in the period; EligibleLoose those letters without one.
	EligibleCases int
	EligibleLoose int
}

// letterFormRow is one group of the eligible letters handled in the period.
type letterFormRow struct {
	Kind      models.Kind
	Topic     models.Topic
	Domain    models.Domain
	Competent *bool
	Outcome   models.Outcome
	Instance  models.Instance
	State     string
	N         int
}

// letterForms holds the counts behind Biểu 01/XLD to 04/XLD.
type letterForms struct {
	flow letterFlow
	// rows partition the eligible letters handled in the period.
	rows []letterFormRow
	// replies counts, by kind, the replies received in the period for
	// transferred letters.
	replies map[models.Kind]int
}

// The letters of the forms are counted in three queries, each filling its
// own part of letterForms, with these conditions on the letter l.
const (
	letterHandled  = "l.handled_on >= @from AND l.handled_on <= @to"
	letterEligible = "l.eligible = @yes AND " + letterHandled
)

// countLetterFlow counts the flow of letters and the cases of the eligible
// ones. A letter is carried over (kỳ trước chuyển sang) when received
// before the period and not handled by its first day (handled_on empty or
// on or after it), received (tiếp nhận trong kỳ) when received in the
// period; of both, handled (đã xử lý) when handled_on falls in the period.
// The eligible letters handled in the period count their distinct live
// cases, and one case each for those without one.
func countLetterFlow(db *gorm.DB, args map[string]any, f *letterFlow) error {
	// Every count bounds received_on by the period's end itself (a letter
	// handled in the period was received by then), so that the WHERE offers
	// no date range: walking the received_on index would fetch most of the
	// table row by row, several times slower than reading it.
	return db.Raw(`SELECT `+sqlCount("l.received_on < @from")+` AS carried,
			`+sqlCount("l.received_on >= @from AND l.received_on <= @to")+` AS received,
			`+sqlCount(letterHandled)+` AS handled,
			COUNT(DISTINCT CASE WHEN `+letterEligible+` THEN c.id END) AS eligible_cases,
			`+sqlCount(letterEligible+" AND c.id IS NULL")+` AS eligible_loose
		FROM letters l LEFT JOIN cases c ON c.id = l.case_id AND c.deleted_at IS NULL
		WHERE l.deleted_at IS NULL
			AND (l.received_on >= @from OR l.handled_on IS NULL OR l.handled_on >= @from)`,
		withArgs(args, map[string]any{"yes": true})).Scan(f).Error
}

// countLetterBreakdown groups the eligible letters (eligible = true)
// handled in the period by what the columns need. The resolution state
// comes from the letter's live case as it stood when the letter came:
//   - đã giải quyết nhiều lần: a second-instance case resolved or closed
//     with a decision dated on or before the letter's received_on (or no
//     date recorded);
//   - đã giải quyết lần đầu: any other second-instance case (its first
//     decision exists, or the second instance could not have opened), or a
//     case resolved or closed by then;
//   - chưa giải quyết xong: the rest, letters without a case included.
func countLetterBreakdown(db *gorm.DB, args map[string]any, rows *[]letterFormRow) error {
	return db.Raw(`SELECT kind, topic, domain, competent, outcome, instance, state, COUNT(*) AS n
		FROM (SELECT l.kind, l.topic, l.domain, l.competent, l.outcome, c.instance,
				CASE WHEN c.id IS NULL THEN 'pending'
					WHEN c.instance = @second AND c.status IN @done
						AND (c.decision_on IS NULL OR c.decision_on <= l.received_on) THEN 'many'
					WHEN c.instance = @second THEN 'once'
					WHEN c.status IN @done
						AND (c.decision_on IS NULL OR c.decision_on <= l.received_on) THEN 'once'
					ELSE 'pending' END AS state
			FROM letters l LEFT JOIN cases c ON c.id = l.case_id AND c.deleted_at IS NULL
			WHERE l.deleted_at IS NULL AND `+letterEligible+`) t
		GROUP BY kind, topic, domain, competent, outcome, instance, state`,
		withArgs(args, map[string]any{"yes": true, "second": string(models.InstanceSecond),
			"done": []string{string(models.CaseStatusResolved), string(models.CaseStatusClosed)}})).Scan(rows).Error
}

// countLetterReplies counts, by kind, the replies received in the period
// for transferred letters (văn bản phúc đáp), whenever the letters came.
func countLetterReplies(db *gorm.DB, args map[string]any, replies *map[models.Kind]int) error {
	var rows []struct {
		Kind models.Kind
		N    int
	}
	err := db.Raw(`SELECT kind, COUNT(*) AS n FROM letters
		WHERE deleted_at IS NULL AND outcome = @transferred
			AND reply_received_on >= @from AND reply_received_on <= @to
		GROUP BY kind`, withArgs(args, map[string]any{"transferred": string(models.OutcomeTransferred)})).Scan(&rows).Error
	if err != nil {
		return err
	}
	*replies = map[models.Kind]int{}
	for _, r := range rows {
		(*replies)[r.Kind] += r.N
	}
	return nil
}

// letterTally sums the breakdown rows of one kind, or of every kind.
type letterTally struct {
	total     int
	byKind    map[models.Kind]int
	byTopic   map[models.Topic]int
	byState   map[string]int
	competent map[models.Kind]int
	// competentSecond counts the competent letters of second-instance cases.
	competentSecond int
	notCompetent    map[models.Outcome]int
	// uncovered counts the eligible letters neither competent nor guided,
	// transferred or urged (filed or returned): no column takes them.
	uncovered int
}

// tally sums the rows of kind ("" for every kind).
func (x letterForms) tally(kind models.Kind) letterTally {
	t := letterTally{byKind: map[models.Kind]int{}, byTopic: map[models.Topic]int{}, byState: map[string]int{},
		competent: map[models.Kind]int{}, notCompetent: map[models.Outcome]int{}}
	for _, r := range x.rows {
		if kind != "" && r.Kind != kind {
			continue
		}
		t.total += r.N
		t.byKind[r.Kind] += r.N
		t.byTopic[contentTopic(r.Kind, r.Topic, r.Domain)] += r.N
		t.byState[r.State] += r.N
		switch {
		case r.Competent != nil && *r.Competent:
			t.competent[r.Kind] += r.N
			if r.Instance == models.InstanceSecond {
				t.competentSecond += r.N
			}
		case r.Outcome == models.OutcomeGuided || r.Outcome == models.OutcomeTransferred || r.Outcome == models.OutcomeUrged:
			t.notCompetent[r.Outcome] += r.N
		default:
			t.uncovered += r.N
		}
	}
	return t
}

// replyCount returns the replies for letters of kind ("" for every kind).
func (x letterForms) replyCount(kind models.Kind) int {
	if kind != "" {
		return x.replies[kind]
	}
	n := 0
	for _, v := range x.replies {
		n += v
	}
	return n
}

// contentTopic is the content column a letter counts in on its kind's form
// (02/XLD to 04/XLD). A letter without a topic counts by its domain: land
// under đất đai, nhà cửa, anything else under lĩnh vực khác. Only the
// denunciation form has columns for công chức, công vụ and tham nhũng; on
// the others the first is administrative (hành chính khác) and the second
// falls to lĩnh vực khác.
func contentTopic(kind models.Kind, topic models.Topic, domain models.Domain) models.Topic {
	if !topic.Valid() {
		if domain == models.DomainLand {
			return models.TopicLandHousing
		}
		return models.TopicOther
	}
	if kind != models.KindDenunciation {
		switch topic {
		case models.TopicCivilService:
			return models.TopicAdminOther
		case models.TopicCorruption:
			return models.TopicOther
		}
	}
	return topic
}
