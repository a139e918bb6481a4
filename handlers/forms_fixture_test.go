package handlers_test

import (
	"fmt"
	"testing"
	"time"
)

// The records of the forms tests: a quarter (quarter I of 2022, around
// both its calendar dates and its 15th-to-14th dates) of cases, reception
// sessions and visits, and letters, recorded through the API by the roles
// that record them. Each record keeps what the expected figures need.

// fxCase is a case as recorded.
type fxCase struct {
	id                                    string
	kind, instance, status, result        string
	acceptedOn, decisionOn, resolutionDue string
	closeAfter, deleted, openedByVisit    bool
}

// fxSession is a reception session as recorded.
type fxSession struct {
	id, heldOn, typ, hostLevel string
	deleted                    bool
}

// fxVisit is a reception visit as recorded; session and repeatOf index the
// fixture's sessions and visits (-1: none, a new case).
type fxVisit struct {
	visitedOn, typ  string
	session, people int
	repeatOf        int
	id, caseID      string
	deleted         bool
}

// fxLetter is a letter as recorded; caseAt indexes the fixture's cases (-1:
// none). A letter not classified has kind "" and no eligibility.
type fxLetter struct {
	receivedOn                      string
	kind, domain, topic             string
	classified, eligible, competent bool
	outcome, handledOn, replyOn     string
	caseAt                          int
	deleted                         bool
}

// formsFixture is everything recorded, with the cases by id (those opened
// by visits included).
type formsFixture struct {
	cases    []*fxCase
	byID     map[string]*fxCase
	sessions []*fxSession
	visits   []*fxVisit
	letters  []*fxLetter
}

// fxCases are the declared cases: complaints decided in and around the
// quarter with every result and status, a case decided without an
// acceptance date (no deadline), one withdrawn and closed, one deleted, and
// cases of the other kinds.
func fxCases() []*fxCase {
	c := func(kind, instance, status, result, accepted, decided string) *fxCase {
		return &fxCase{kind: kind, instance: instance, status: status, result: result, acceptedOn: accepted, decisionOn: decided}
	}
	list := []*fxCase{
		c("complaint", "first", "resolved", "correct", "2021-11-10", "2022-01-05"),
		c("complaint", "first", "resolved", "incorrect", "2021-12-20", "2022-02-10"),
		c("complaint", "first", "resolved", "partly_correct", "2022-01-10", "2022-03-10"),
		c("complaint", "second", "resolved", "upheld", "2022-01-20", "2022-03-20"),
		c("complaint", "second", "resolved", "overturned", "2021-12-01", "2021-12-20"),
		c("complaint", "first", "withdrawn", "", "2022-02-01", "2022-02-20"),
		c("complaint", "", "in_progress", "", "2021-12-10", ""),
		c("complaint", "first", "open", "", "2022-03-01", ""),
		c("complaint", "second", "in_progress", "", "2022-02-15", ""),
		c("complaint", "first", "resolved", "correct", "2021-10-01", "2022-01-25"),
		c("denunciation", "", "resolved", "", "2022-01-05", "2022-02-01"),
		c("petition", "", "open", "", "", ""),
		c("complaint", "first", "resolved", "correct", "2022-02-01", "2022-02-05"),
		c("complaint", "first", "withdrawn", "", "2021-12-16", "2022-01-15"),
		c("complaint", "first", "resolved", "incorrect", "", "2022-02-28"),
		c("complaint", "first", "resolved", "overturned", "2021-12-15", "2022-03-14"),
	}
	list[2].closeAfter = true  // resolved, then closed: still by decision
	list[13].closeAfter = true // withdrawn, then closed: still withdrawn
	list[12].deleted = true
	return list
}

// fxSessions are the leaders' sessions: of the chairman, of a
// vice-chairman, of a delegate, one without visits and two withdrawn.
func fxSessions() []*fxSession {
	s := func(on, typ, level string) *fxSession { return &fxSession{heldOn: on, typ: typ, hostLevel: level} }
	list := []*fxSession{
		s("2021-11-20", "periodic", "vice_chairman"),
		s("2022-01-20", "periodic", "chairman"),
		s("2022-02-10", "adhoc", "vice_chairman"),
		s("2022-03-20", "periodic", "delegate"),
		s("2021-12-20", "periodic", "chairman"),
		s("2022-03-05", "adhoc", "chairman"),
		s("2022-02-25", "adhoc", "chairman"),
		s("2022-01-15", "periodic", "delegate"),
	}
	list[5].deleted = true // after its visit was received
	list[7].deleted = true
	return list
}

// fxVisits are the visits: before the quarter, on both edges of both
// regimes, new and repeated cases, group delegations, an ad hoc visit
// without a session, a visit under a withdrawn session, a withdrawn visit,
// and a visit whose case is withdrawn.
func fxVisits() []*fxVisit {
	v := func(on, typ string, session, people, repeatOf int) *fxVisit {
		return &fxVisit{visitedOn: on, typ: typ, session: session, people: people, repeatOf: repeatOf}
	}
	list := []*fxVisit{
		v("2021-11-05", "regular", -1, 1, -1),
		v("2021-11-20", "periodic", 0, 2, -1),
		v("2021-12-03", "regular", -1, 6, -1),
		v("2021-12-16", "regular", -1, 1, -1),
		v("2021-12-20", "periodic", 4, 5, 0),
		v("2021-12-28", "regular", -1, 2, -1),
		v("2022-01-04", "regular", -1, 1, 0),
		v("2022-01-10", "regular", -1, 1, -1),
		v("2022-01-10", "regular", -1, 3, 7),
		v("2022-01-20", "periodic", 1, 1, -1),
		v("2022-01-20", "periodic", 1, 7, 3),
		v("2022-01-20", "periodic", 1, 1, 5),
		v("2022-02-10", "adhoc", 2, 2, 1),
		v("2022-02-10", "adhoc", 2, 5, -1),
		v("2022-02-22", "adhoc", -1, 1, -1),
		v("2022-03-05", "adhoc", 5, 1, -1),
		v("2022-03-08", "regular", -1, 8, 2),
		v("2022-03-12", "regular", -1, 1, -1),
		v("2022-03-13", "regular", -1, 1, 17),
		v("2022-03-20", "periodic", 3, 2, -1),
		v("2022-03-25", "regular", -1, 5, 6),
		v("2022-03-30", "regular", -1, 1, -1),
		v("2022-04-10", "regular", -1, 1, 9),
		v("2022-02-15", "regular", -1, 2, -1),
		v("2022-02-16", "regular", -1, 1, 23),
		v("2021-12-15", "regular", -1, 1, -1),
		v("2022-03-14", "regular", -1, 4, 25),
		v("2022-03-15", "regular", -1, 1, -1),
		v("2022-01-01", "regular", -1, 5, 2),
		v("2022-03-31", "regular", -1, 1, -1),
	}
	list[17].deleted = true
	return list
}

// visitCaseDeleted is the visit whose (new) case is withdrawn.
const visitCaseDeleted = 21

// fxLetters spreads letters from November 2021 to May 2022, every kind,
// domain and topic (and none), eligible or not, competent or not, every
// outcome, handled late or never, replies to transferred letters, linked to
// the declared cases, and two withdrawn; then the edges of both regimes.
func fxLetters(caseCount int) []*fxLetter {
	kinds := []string{"complaint", "denunciation", "petition"}
	domains := []string{"land", "civil", "other"}
	topics := []string{"policy", "land_housing", "civil_service", "admin_other", "corruption", "judicial", "party", "other", ""}
	outcomes := []string{"guided", "transferred", "urged", "filed", "returned", "transferred"}
	start := day("2021-11-01")
	var list []*fxLetter
	for i := range 64 {
		l := &fxLetter{receivedOn: start.AddDate(0, 0, i*7/2).Format(time.DateOnly), caseAt: -1}
		if i%4 == 1 {
			l.caseAt = (i / 4) % caseCount
		}
		list = append(list, l)
		if i%7 == 6 {
			continue // registered, never classified
		}
		l.classified = true
		l.kind, l.domain, l.topic = kinds[i%3], domains[(i/3)%3], topics[i%9]
		l.eligible, l.competent = i%5 != 0, i%4 == 0
		if i%11 == 10 {
			continue // classified, not handled
		}
		l.outcome = outcomes[i%6]
		if l.competent {
			l.outcome = "accepted"
		}
		l.handledOn = minDate(day(l.receivedOn).AddDate(0, 0, (i*13)%50), "2022-06-15")
		if l.outcome == "transferred" && i%2 == 1 {
			l.replyOn = minDate(day(l.handledOn).AddDate(0, 0, 20), "2022-06-15")
		}
	}
	list[17].deleted, list[33].deleted = true, true
	// The edges of both regimes, and letters of cases in every resolution
	// state: resolved before the letter (once, or many at second instance),
	// at second instance still in progress (once), resolved only after the
	// letter (pending), withdrawn and closed, deleted (no case); two letters
	// of one case count one case.
	edge := func(received, handled, kind string, eligible, competent bool, caseAt int) {
		outcome := "guided"
		if competent {
			outcome = "accepted"
		}
		list = append(list, &fxLetter{receivedOn: received, handledOn: handled, kind: kind, domain: "land",
			classified: true, eligible: eligible, competent: competent, outcome: outcome, caseAt: caseAt})
	}
	edge("2021-12-31", "2022-01-01", "complaint", true, false, -1)
	edge("2021-12-14", "2021-12-15", "petition", true, false, -1)
	edge("2021-12-14", "2021-12-14", "petition", true, false, -1)
	edge("2022-03-14", "2022-03-15", "denunciation", true, false, -1)
	edge("2022-03-31", "2022-03-31", "complaint", false, false, -1)
	edge("2022-02-15", "2022-02-20", "complaint", true, false, 0)
	edge("2022-02-16", "2022-02-21", "complaint", true, true, 0)
	edge("2022-03-01", "2022-03-05", "complaint", true, true, 4)
	edge("2022-01-10", "2022-01-12", "complaint", true, true, 8)
	edge("2022-01-02", "2022-01-20", "complaint", true, false, 1)
	edge("2022-02-25", "2022-03-01", "complaint", true, false, 13)
	edge("2022-02-26", "2022-03-02", "complaint", true, true, 12)
	edge("2022-03-02", "2022-03-04", "denunciation", true, true, 10)
	edge("2021-12-21", "2021-12-22", "complaint", true, true, 4)
	return list
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// minDate returns t or limit, whichever is earlier, as a date.
func minDate(t time.Time, limit string) string {
	if s := t.Format(time.DateOnly); s < limit {
		return s
	}
	return limit
}

// loadForms records the fixture through the API.
func loadForms(t *testing.T, e *env) *formsFixture {
	t.Helper()
	fx := &formsFixture{cases: fxCases(), byID: map[string]*fxCase{}, sessions: fxSessions(), visits: fxVisits()}
	fx.letters = fxLetters(len(fx.cases))
	for i, c := range fx.cases {
		body := map[string]any{"title": fmt.Sprintf("Vụ việc %d", i+1), "kind": c.kind, "status": c.status,
			"petitioner": map[string]any{"full_name": "Người đề nghị"}}
		for k, v := range map[string]string{"instance": c.instance, "result": c.result, "accepted_on": c.acceptedOn, "decision_on": c.decisionOn} {
			if v != "" {
				body[k] = v
			}
		}
		if c.decisionOn != "" {
			body["decision_number"] = fmt.Sprintf("%d/QĐ-UBND", i+1)
		}
		created := e.must(201, "POST", "/api/v1/cases", "legal", body)
		c.id = id(created)
		c.resolutionDue, _ = created["resolution_due_on"].(string)
		if c.closeAfter {
			e.must(200, "PATCH", "/api/v1/cases/"+c.id, "legal", map[string]any{"version": 1, "status": "closed"})
			c.status = "closed"
		}
		fx.byID[c.id] = c
	}
	for _, s := range fx.sessions {
		s.id = id(e.must(201, "POST", "/api/v1/reception-sessions", "reception", map[string]any{
			"held_on": s.heldOn, "type": s.typ, "host_level": s.hostLevel, "host_name": "Lãnh đạo tiếp"}))
	}
	for i, v := range fx.visits {
		body := map[string]any{"visited_on": v.visitedOn, "type": v.typ, "people_count": v.people,
			"representative": map[string]any{"full_name": fmt.Sprintf("Công dân %d", i)},
			"content":        "Đề nghị giải quyết việc bồi thường", "outcome": "guided"}
		if v.session >= 0 {
			body["session_id"] = jsonID(fx.sessions[v.session].id)
		}
		if v.repeatOf >= 0 {
			body["case_id"] = jsonID(fx.visits[v.repeatOf].caseID)
		}
		created := e.must(201, "POST", "/api/v1/reception-visits", "reception", body)
		v.id, v.caseID = id(created), jsonNumber(created["case_id"])
		if fx.byID[v.caseID] == nil {
			fx.byID[v.caseID] = &fxCase{id: v.caseID, kind: "petition", status: "open", openedByVisit: true}
		}
	}
	for _, l := range fx.letters {
		loadLetter(e, fx, l)
	}
	del := func(path string) { e.must(204, "DELETE", path, "leader", nil) }
	for _, s := range fx.sessions {
		if s.deleted {
			del("/api/v1/reception-sessions/" + s.id)
		}
	}
	for _, v := range fx.visits {
		if v.deleted {
			del("/api/v1/reception-visits/" + v.id)
		}
	}
	fx.byID[fx.visits[visitCaseDeleted].caseID].deleted = true
	del("/api/v1/cases/" + fx.visits[visitCaseDeleted].caseID)
	for _, c := range fx.cases {
		if c.deleted {
			del("/api/v1/cases/" + c.id)
		}
	}
	return fx
}

// loadLetter registers, classifies, handles, answers and withdraws one
// letter as its fields say.
func loadLetter(e *env, fx *formsFixture, l *fxLetter) {
	body := letterBody(map[string]any{"received_on": l.receivedOn, "subject": "Đơn của quý I"})
	if l.caseAt >= 0 {
		body["case_id"] = jsonID(fx.cases[l.caseAt].id)
	}
	path := "/api/v1/letters/" + id(e.must(201, "POST", "/api/v1/letters", "reception", body))
	version := 1
	step := func(suffix string, m map[string]any) {
		m["version"] = version
		method := "POST"
		if suffix == "" {
			method = "PATCH"
		}
		e.must(200, method, path+suffix, "legal", m)
		version++
	}
	if l.classified {
		c := map[string]any{"domain": l.domain, "kind": l.kind, "eligible": l.eligible, "competent": l.competent}
		if l.topic != "" {
			c["topic"] = l.topic
		}
		step("/classify", c)
	}
	if l.handledOn != "" {
		h := map[string]any{"outcome": l.outcome, "handled_on": l.handledOn}
		if l.outcome == "transferred" {
			h["transferred_to"] = "UBND huyện Gò Dầu"
		}
		step("/handle", h)
	}
	if l.replyOn != "" {
		step("", map[string]any{"reply_received_on": l.replyOn})
	}
	if l.deleted {
		e.must(204, "DELETE", path, "leader", nil)
	}
}

// jsonID turns an id kept as JSON text back into a number for a body.
func jsonID(s string) any {
	var n uint
	fmt.Sscan(s, &n)
	return n
}
