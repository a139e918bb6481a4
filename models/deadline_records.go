package models

import (
	"fmt"
	"slices"
)

// Extension is a recorded decision extending a denunciation's time limit
// (quyết định gia hạn giải quyết tố cáo).
type Extension struct {
	DecisionNumber string `json:"decision_number"`
	DecidedOn      Date   `json:"decided_on"`
	Days           int    `json:"days"`
}

// Suspension is a recorded pause of a case's clock (tạm đình chỉ việc giải
// quyết): from its first day to its last (To), or still open when To is
// unset.
type Suspension struct {
	From           Date   `json:"from"`
	To             Date   `json:"to"`
	DecisionNumber string `json:"decision_number"`
}

// OpenSuspension returns the suspension still in force, if any.
func (c *Case) OpenSuspension() *Suspension {
	for i := range c.Suspensions {
		if c.Suspensions[i].To.IsZero() {
			return &c.Suspensions[i]
		}
	}
	return nil
}

// suspendedOn reports whether d falls in a closed suspension.
func (c *Case) suspendedOn(d Date) bool {
	for _, s := range c.Suspensions {
		if !s.To.IsZero() && !d.Before(s.From) && !d.After(s.To) {
			return true
		}
	}
	return false
}

// ValidateClock checks the extensions and suspensions against the rules:
// extensions only for denunciations, at most one for a complex and two for
// an especially complex one, each with its decision and at most the
// extension limit; suspensions in order, not overlapping, only the last one
// open, each with its decision; none before the case was accepted.
func (c *Case) ValidateClock(r DeadlineRules, today Date) error {
	var v Validation
	c.normalizeClock()
	if len(c.Extensions) > 0 {
		for i := range c.Extensions {
			if c.Extensions[i].Days == 0 {
				c.Extensions[i].Days = r.DenunciationExtensionDays
			}
		}
		switch limit := MaxExtensions(c.Complexity); {
		case c.Kind != KindDenunciation:
			v.Add("extensions", "Chỉ vụ việc tố cáo mới được gia hạn thời hạn giải quyết.")
		case len(c.Extensions) > limit && limit == 0:
			v.Add("extensions", "Vụ việc tố cáo thông thường không được gia hạn; chỉ vụ việc phức tạp (01 lần) hoặc đặc biệt phức tạp (02 lần) mới được gia hạn.")
		case len(c.Extensions) > limit:
			v.Addf("extensions", "Vụ việc tố cáo %s chỉ được gia hạn tối đa %02d lần.", c.Complexity.Label(), limit)
		}
	}
	for i, e := range c.Extensions {
		field := fmt.Sprintf("extensions[%d]", i)
		requiredText(&v, field+".decision_number", e.DecisionNumber, 100)
		c.checkClockDate(&v, field+".decided_on", e.DecidedOn, today, true)
		if e.Days < 1 || e.Days > r.DenunciationExtensionDays {
			v.Addf(field+".days", "Mỗi lần gia hạn từ 1 đến %d ngày.", r.DenunciationExtensionDays)
		}
	}
	for i, s := range c.Suspensions {
		field := fmt.Sprintf("suspensions[%d]", i)
		requiredText(&v, field+".decision_number", s.DecisionNumber, 100)
		c.checkClockDate(&v, field+".from", s.From, today, true)
		c.checkClockDate(&v, field+".to", s.To, today, false)
		if !s.To.IsZero() && !s.From.IsZero() && s.To.Before(s.From) {
			v.Add(field+".to", "Ngày tiếp tục giải quyết không được trước ngày tạm đình chỉ.")
		}
		if i > 0 {
			prev := c.Suspensions[i-1]
			if prev.To.IsZero() || !s.From.After(prev.To) {
				v.Add(field+".from", "Các lần tạm đình chỉ phải theo thứ tự thời gian, không chồng lên nhau; chỉ lần cuối cùng mới được để trống ngày tiếp tục giải quyết.")
			}
		}
	}
	if len(c.Extensions) > 20 || len(c.Suspensions) > 20 {
		v.Add("suspensions", "Quá nhiều lần gia hạn hoặc tạm đình chỉ.")
	}
	return v.Err()
}

// normalizeClock puts the decision numbers in NFC, the extensions' days at
// their default, and both lists in date order.
func (c *Case) normalizeClock() {
	for i := range c.Extensions {
		c.Extensions[i].DecisionNumber = NFC(c.Extensions[i].DecisionNumber)
	}
	for i := range c.Suspensions {
		c.Suspensions[i].DecisionNumber = NFC(c.Suspensions[i].DecisionNumber)
	}
	slices.SortStableFunc(c.Extensions, func(a, b Extension) int { return b.DecidedOn.DaysUntil(a.DecidedOn) })
	slices.SortStableFunc(c.Suspensions, func(a, b Suspension) int { return b.From.DaysUntil(a.From) })
}

// checkClockDate checks a date of an extension or suspension: required when
// asked, not in the future, not before acceptance (which must be recorded).
func (c *Case) checkClockDate(v *Validation, field string, d, today Date, isRequired bool) {
	switch {
	case d.IsZero() && isRequired:
		v.Add(field, "Ngày là bắt buộc.")
	case d.IsZero():
	case c.AcceptedOn.IsZero():
		v.Add(field, "Vụ việc chưa có ngày thụ lý nên chưa thể gia hạn hay tạm đình chỉ.")
	case d.Before(c.AcceptedOn):
		v.Add(field, "Ngày không được trước ngày thụ lý.")
	default:
		notFuture(v, field, d, today)
	}
}
