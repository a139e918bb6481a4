package handlers_test

// The figures each form should show for the fixture, computed here in
// plain Go from the records as the test wrote them, by the rules of
// docs/forms.md, without the production SQL. Slices are the numbered
// columns: index 0 is column 1.

// span is a reporting period as two 'YYYY-MM-DD' dates.
type span struct{ from, to string }

func (p span) has(d string) bool { return d != "" && d >= p.from && d <= p.to }

// set is a set of case ids.
type set map[string]bool

// tcdPart is one part of 01/TCD.
type tcdPart struct {
	sessions, visits, people, groups, groupPeople int
	first, repeat, groupFirst, groupRepeat        set
}

// expect01TCD computes Biểu 01/TCD.
func expect01TCD(fx *formsFixture, p span, groupSize int) []int {
	parts := map[string]*tcdPart{}
	for _, h := range []string{"regular", "head", "delegated"} {
		parts[h] = &tcdPart{first: set{}, repeat: set{}, groupFirst: set{}, groupRepeat: set{}}
	}
	for _, s := range fx.sessions {
		if !s.deleted && p.has(s.heldOn) {
			if s.hostLevel == "chairman" {
				parts["head"].sessions++
			} else {
				parts["delegated"].sessions++
			}
		}
	}
	for _, v := range fx.visits {
		if v.deleted || !p.has(v.visitedOn) {
			continue
		}
		host := "regular"
		if v.typ != "regular" {
			host = "delegated"
			if v.session >= 0 && !fx.sessions[v.session].deleted && fx.sessions[v.session].hostLevel == "chairman" {
				host = "head"
			}
		}
		part := parts[host]
		part.visits++
		part.people += v.people
		group := v.people >= groupSize
		if group {
			part.groups++
			part.groupPeople += v.people
		}
		if fx.byID[v.caseID].deleted {
			continue
		}
		first := true
		for _, w := range fx.visits {
			if !w.deleted && w.caseID == v.caseID && w.visitedOn < p.from {
				first = false
			}
		}
		if first {
			part.first[v.caseID] = true
		} else {
			part.repeat[v.caseID] = true
		}
		if group && first {
			part.groupFirst[v.caseID] = true
		} else if group {
			part.groupRepeat[v.caseID] = true
		}
	}
	r, h, d := parts["regular"], parts["head"], parts["delegated"]
	leader := func(x *tcdPart) []int {
		return []int{x.sessions, x.visits, x.people, len(x.first), len(x.repeat),
			x.groups, x.groupPeople, len(x.groupFirst), len(x.groupRepeat)}
	}
	cols := []int{r.visits + h.visits + d.visits, r.people + h.people + d.people,
		len(r.first) + len(r.repeat) + len(h.first) + len(h.repeat) + len(d.first) + len(d.repeat),
		r.visits, r.people, len(r.first), len(r.repeat), r.groups, r.groupPeople, len(r.groupFirst), len(r.groupRepeat)}
	return append(append(cols, leader(h)...), leader(d)...)
}

// xldCounts are the counts behind 01/XLD to 04/XLD over one kind of letter,
// or every kind ("").
type xldCounts struct {
	total, second, replies, uncovered   int
	content, state, competent, handling map[string]int
}

// liveCase returns a letter's case unless it has none or it was withdrawn.
func (fx *formsFixture) liveCase(l *fxLetter) *fxCase {
	if l.caseAt < 0 || fx.cases[l.caseAt].deleted {
		return nil
	}
	return fx.cases[l.caseAt]
}

// letterState is the resolution state of an eligible letter's matter.
func (fx *formsFixture) letterState(l *fxLetter) string {
	c := fx.liveCase(l)
	if c == nil {
		return "pending"
	}
	resolved := (c.status == "resolved" || c.status == "closed") && (c.decisionOn == "" || c.decisionOn <= l.receivedOn)
	switch {
	case c.instance == "second" && resolved:
		return "many"
	case c.instance == "second", resolved:
		return "once"
	}
	return "pending"
}

// contentColumn is the content column of a letter on its kind's form, as a
// topic code.
func contentColumn(kind, topic, domain string) string {
	switch {
	case topic == "" && domain == "land":
		return "land_housing"
	case topic == "":
		return "other"
	case kind != "denunciation" && topic == "civil_service":
		return "admin_other"
	case kind != "denunciation" && topic == "corruption":
		return "other"
	}
	return topic
}

// countXLD counts the eligible letters handled in p, of kind ("" for all).
func countXLD(fx *formsFixture, p span, kind string) xldCounts {
	x := xldCounts{content: map[string]int{}, state: map[string]int{}, competent: map[string]int{}, handling: map[string]int{}}
	for _, l := range fx.letters {
		if l.deleted || (kind != "" && l.kind != kind) {
			continue
		}
		if l.outcome == "transferred" && p.has(l.replyOn) {
			x.replies++
		}
		if !l.classified || !l.eligible || !p.has(l.handledOn) {
			continue
		}
		x.total++
		x.content[contentColumn(l.kind, l.topic, l.domain)]++
		x.state[fx.letterState(l)]++
		switch {
		case l.competent:
			x.competent[l.kind]++
			if c := fx.liveCase(l); c != nil && c.instance == "second" {
				x.second++
			}
		case l.outcome == "guided" || l.outcome == "transferred" || l.outcome == "urged":
			x.handling[l.outcome]++
		default:
			x.uncovered++
		}
	}
	return x
}

// expect01XLD computes Biểu 01/XLD.
func expect01XLD(fx *formsFixture, p span) ([]int, int) {
	var carried, received, handled, pending int
	cases, loose := set{}, 0
	for _, l := range fx.letters {
		if l.deleted || l.receivedOn > p.to || (l.receivedOn < p.from && l.handledOn != "" && l.handledOn < p.from) {
			continue
		}
		if l.receivedOn < p.from {
			carried++
		} else {
			received++
		}
		if !p.has(l.handledOn) {
			pending++
			continue
		}
		handled++
		if l.classified && l.eligible {
			if c := fx.liveCase(l); c != nil {
				cases[c.id] = true
			} else {
				loose++
			}
		}
	}
	x := countXLD(fx, p, "")
	byKind := func(m map[string]int) []int {
		return []int{m["complaint"], m["denunciation"], m["petition"]}
	}
	kinds := map[string]int{}
	for _, l := range fx.letters {
		if !l.deleted && l.classified && l.eligible && p.has(l.handledOn) {
			kinds[l.kind]++
		}
	}
	cols := []int{carried + received, carried, received, handled, pending, x.total, len(cases) + loose}
	cols = append(cols, byKind(kinds)...)
	cols = append(cols, x.state["once"], x.state["many"], x.state["pending"])
	comp := byKind(x.competent)
	cols = append(cols, comp[0]+comp[1]+comp[2])
	cols = append(cols, comp...)
	return append(cols, x.handling["guided"]+x.handling["transferred"]+x.handling["urged"],
		x.handling["guided"], x.handling["transferred"], x.handling["urged"], x.replies), x.uncovered
}

// expectXLDByTopic computes 02/XLD, 03/XLD or 04/XLD.
func expectXLDByTopic(fx *formsFixture, p span, kind string) ([]int, int) {
	x := countXLD(fx, p, kind)
	admin := []string{"policy", "land_housing", "admin_other"}
	others := []string{"judicial", "party", "other"}
	if kind == "denunciation" {
		admin = []string{"policy", "land_housing", "civil_service", "admin_other"}
		others = []string{"corruption", "judicial", "party", "other"}
	}
	adminTotal := 0
	for _, tp := range admin {
		adminTotal += x.content[tp]
	}
	cols := []int{x.total, adminTotal}
	for _, tp := range admin {
		cols = append(cols, x.content[tp])
	}
	for _, tp := range others {
		cols = append(cols, x.content[tp])
	}
	cols = append(cols, x.state["once"], x.state["many"], x.state["pending"])
	if kind == "complaint" {
		cols = append(cols, x.competent[kind], x.competent[kind]-x.second, x.second)
	} else {
		cols = append(cols, x.competent[kind])
	}
	h := x.handling
	return append(cols, h["guided"]+h["transferred"]+h["urged"], h["guided"], h["transferred"], h["urged"], x.replies), x.uncovered
}

// expect01KQGQ computes Biểu 01/KQGQ and the cases without a deadline.
func expect01KQGQ(fx *formsFixture, p span) ([]int, int) {
	var carried, accepted, byDecision, withdrawn, onTime, late, noDeadline int
	results := map[string]int{}
	for _, c := range fx.cases {
		if c.deleted || c.kind != "complaint" {
			continue
		}
		if c.acceptedOn != "" && c.acceptedOn < p.from && (c.decisionOn == "" || c.decisionOn >= p.from) {
			carried++
		}
		if p.has(c.acceptedOn) {
			accepted++
		}
		if !p.has(c.decisionOn) {
			continue
		}
		switch {
		case c.status == "resolved" || (c.status == "closed" && c.result != ""):
			byDecision++
			results[c.result]++
		case c.status == "withdrawn" || c.status == "closed":
			withdrawn++
		default:
			continue
		}
		switch {
		case c.resolutionDue == "":
			noDeadline++
		case c.decisionOn <= c.resolutionDue:
			onTime++
		default:
			late++
		}
	}
	r := results
	return []int{carried + accepted, carried, accepted, byDecision + withdrawn, byDecision, withdrawn,
		r["correct"] + r["incorrect"] + r["partly_correct"], r["correct"], r["incorrect"], r["partly_correct"],
		r["upheld"] + r["overturned"], r["upheld"], r["overturned"], onTime, late}, noDeadline
}

// formTotals are the totals each form defines, by column: the columns they
// add up.
var formTotals = map[string]map[int][]int{
	"01-TCD":  {1: {4, 13, 22}, 2: {5, 14, 23}, 3: {6, 7, 15, 16, 24, 25}},
	"01-XLD":  {1: {2, 3}, 14: {15, 16, 17}, 18: {19, 20, 21}},
	"02-XLD":  {1: {2, 6, 7, 8}, 2: {3, 4, 5}, 12: {13, 14}, 15: {16, 17, 18}},
	"03-XLD":  {1: {2, 7, 8, 9, 10}, 2: {3, 4, 5, 6}, 15: {16, 17, 18}},
	"04-XLD":  {1: {2, 6, 7, 8}, 2: {3, 4, 5}, 13: {14, 15, 16}},
	"01-KQGQ": {1: {2, 3}, 4: {5, 6}, 7: {8, 9, 10}, 11: {12, 13}},
}
