package services

import (
	"gorm.io/gorm"

	"kntc/exports"
	"kntc/models"
)

// The three parts of Biểu 01/TCD a visit counts in.
const (
	hostRegular   = "regular"   // tiếp thường xuyên
	hostHead      = "head"      // thủ trưởng tiếp: sessions of the chairman
	hostDelegated = "delegated" // ủy quyền tiếp: every other leader's session
)

// receptionPart is one part of Biểu 01/TCD: its visits, people and cases
// received for the first time or again, and the same for group delegations
// (đoàn đông người).
type receptionPart struct {
	Host        string
	Visits      int
	People      int
	FirstCases  int
	RepeatCases int
	GroupsN     int
	GroupPeople int
	GroupFirst  int
	GroupRepeat int
}

// receptionForm holds the three parts of Biểu 01/TCD and the sessions
// (số kỳ tiếp) of the head and of those delegated, kept apart from the parts
// because they are counted concurrently.
type receptionForm struct {
	regular, head, delegated        receptionPart
	headSessions, delegatedSessions int
}

// part returns the part of a host code.
func (r *receptionForm) part(host string) *receptionPart {
	switch host {
	case hostRegular:
		return &r.regular
	case hostHead:
		return &r.head
	}
	return &r.delegated
}

// countReceptionVisits counts the visits of the period by part in one
// GROUP BY.
//
// A visit's part: regular visits are tiếp thường xuyên; a periodic or ad hoc
// visit in a (live) session of the chairman is thủ trưởng tiếp; any other
// periodic or ad hoc visit, in a session of a vice-chairman or a delegate or
// in none (an ad hoc visit recorded without its session, or whose session
// was withdrawn), is ủy quyền tiếp, so that column 1 covers every visit.
//
// A case is received for the first time (tiếp lần đầu) when it has no live
// visit before the period; otherwise again (tiếp nhiều lần). Cases are
// distinct within a part; a withdrawn case is not counted, though its
// visits are. A group delegation is a visit of at least GroupSize people.
func countReceptionVisits(db *gorm.DB, args map[string]any, r *receptionForm) error {
	args = withArgs(args, map[string]any{
		"regular": string(models.VisitTypeRegular), "chairman": string(models.HostLevelChairman)})
	var parts []receptionPart
	err := db.Raw(`SELECT host, COUNT(*) AS visits, `+sqlSum("people")+` AS people,
			COUNT(DISTINCT CASE WHEN is_first = 1 THEN case_id END) AS first_cases,
			COUNT(DISTINCT CASE WHEN is_first = 0 THEN case_id END) AS repeat_cases,
			`+sqlSum("is_group")+` AS groups_n,
			`+sqlSum("is_group * people")+` AS group_people,
			COUNT(DISTINCT CASE WHEN is_group = 1 AND is_first = 1 THEN case_id END) AS group_first,
			COUNT(DISTINCT CASE WHEN is_group = 1 AND is_first = 0 THEN case_id END) AS group_repeat
		FROM (SELECT
				CASE WHEN v.type = @regular THEN 'regular' WHEN s.host_level = @chairman THEN 'head' ELSE 'delegated' END AS host,
				v.people_count AS people, c.id AS case_id,
				CASE WHEN v.people_count >= @group THEN 1 ELSE 0 END AS is_group,
				CASE WHEN EXISTS (SELECT 1 FROM reception_visits e
					WHERE e.case_id = v.case_id AND e.deleted_at IS NULL AND e.visited_on < @from) THEN 0 ELSE 1 END AS is_first
			FROM reception_visits v
			LEFT JOIN reception_sessions s ON s.id = v.session_id AND s.deleted_at IS NULL
			LEFT JOIN cases c ON c.id = v.case_id AND c.deleted_at IS NULL
			WHERE v.deleted_at IS NULL AND v.visited_on >= @from AND v.visited_on <= @to) t
		GROUP BY host`, args).Scan(&parts).Error
	if err != nil {
		return err
	}
	for _, p := range parts {
		*r.part(p.Host) = p
	}
	return nil
}

// countReceptionSessions counts the sessions held in the period (số kỳ
// tiếp): the chairman's are the head's own, the others delegated.
func countReceptionSessions(db *gorm.DB, args map[string]any, r *receptionForm) error {
	var rows []struct {
		HostLevel models.HostLevel
		N         int
	}
	err := db.Raw(`SELECT host_level, COUNT(*) AS n FROM reception_sessions
		WHERE deleted_at IS NULL AND held_on >= @from AND held_on <= @to
		GROUP BY host_level`, args).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, row := range rows {
		if row.HostLevel == models.HostLevelChairman {
			r.headSessions += row.N
		} else {
			r.delegatedSessions += row.N
		}
	}
	return nil
}

// withArgs returns the named arguments of args and more, leaving args as
// it is for the other queries.
func withArgs(args, more map[string]any) map[string]any {
	out := make(map[string]any, len(args)+len(more))
	for k, v := range args {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

// form lays out Biểu 01/TCD: columns 1-3 are the totals the form defines,
// 4-11 regular reception, 12-20 the head's own sessions, 21-29 delegated
// ones; 30 is the note.
func (r receptionForm) form() exports.Form {
	cases := func(first, repeat int) exports.FormColumn {
		return formGroup("Số vụ việc", formLeaf("Tiếp lần đầu", first), formLeaf("Tiếp nhiều lần", repeat))
	}
	group := func(p receptionPart) exports.FormColumn {
		return formGroup("Đoàn đông người", formLeaf("Số đoàn", p.GroupsN), formLeaf("Số người", p.GroupPeople),
			cases(p.GroupFirst, p.GroupRepeat))
	}
	leader := func(label string, sessions int, p receptionPart) exports.FormColumn {
		return formGroup(label, formLeaf("Số kỳ tiếp", sessions), formLeaf("Số lượt", p.Visits),
			formLeaf("Số người", p.People), cases(p.FirstCases, p.RepeatCases), group(p))
	}
	g := r.regular
	return exports.Form{
		Sheet:  exports.SheetForm01TCD,
		Number: "Biểu số 01/TCD",
		Title:  "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
		Columns: []exports.FormColumn{
			formTotal("Tổng số lượt tiếp", 4, 13, 22),
			formTotal("Tổng số người", 5, 14, 23),
			formTotal("Tổng số vụ việc", 6, 7, 15, 16, 24, 25),
			formGroup("Tiếp thường xuyên", formLeaf("Số lượt", g.Visits), formLeaf("Số người", g.People),
				cases(g.FirstCases, g.RepeatCases), group(g)),
			formGroup("Tiếp định kỳ và đột xuất", leader("Thủ trưởng tiếp", r.headSessions, r.head),
				leader("Ủy quyền tiếp", r.delegatedSessions, r.delegated)),
		},
	}
}
