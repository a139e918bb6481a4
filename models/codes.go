package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// codeLabel pairs a stored English code with its Vietnamese label.
type codeLabel[E ~string] struct {
	code  E
	label string
}

// codeSet is the ordered table of one enum: the single place its labels live,
// used by the API, the web pages, the exports and the narrative alike.
type codeSet[E ~string] []codeLabel[E]

func (s codeSet[E]) valid(e E) bool {
	for _, c := range s {
		if c.code == e {
			return true
		}
	}
	return false
}

func (s codeSet[E]) label(e E) string {
	for _, c := range s {
		if c.code == e {
			return c.label
		}
	}
	return ""
}

func (s codeSet[E]) codes() []E {
	out := make([]E, len(s))
	for i, c := range s {
		out[i] = c.code
	}
	return out
}

func (s codeSet[E]) strings() []string {
	out := make([]string, len(s))
	for i, c := range s {
		out[i] = string(c.code)
	}
	return out
}

// codeValue stores an empty code as NULL, so that unset optional fields read
// as NULL to the office's own SQL tools.
func codeValue[E ~string](e E) (driver.Value, error) {
	if e == "" {
		return nil, nil
	}
	return string(e), nil
}

// scanCode reads a code column, NULL as the empty code.
func scanCode[E ~string](e *E, v any) error {
	switch x := v.(type) {
	case nil:
		*e = ""
	case string:
		*e = E(x)
	case []byte:
		*e = E(x)
	default:
		return fmt.Errorf("cannot scan %T into a code", v)
	}
	return nil
}

// codeJSON writes an empty code as null.
func codeJSON[E ~string](e E) ([]byte, error) {
	if e == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(e))
}

// labelPtr returns the label for JSON: nil (null) for an empty code.
func labelPtr(label string) *string {
	if label == "" {
		return nil
	}
	return &label
}
