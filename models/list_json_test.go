package models

import (
	"bytes"
	"encoding/json"
	"testing"
)

// plainList is List without its MarshalJSON: what encoding/json writes.
type plainList[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

// pointerMarshaler has a MarshalJSON on its pointer, as encoding/json calls
// it for slice elements.
type pointerMarshaler struct{ N int }

func (p *pointerMarshaler) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]int{"n": p.N * 10})
}

func sameJSON[T any](t *testing.T, name string, l List[T]) {
	t.Helper()
	got, err := json.Marshal(l) // through encoding/json, as when nested
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	direct, err := l.MarshalJSON() // as handlers.respond sends it
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want, err := json.Marshal(plainList[T](l))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.Equal(got, want) || !bytes.Equal(direct, want) {
		t.Errorf("%s:\n got    %s\n direct %s\n want   %s", name, got, direct, want)
	}
}

func TestListJSONIsWhatEncodingJSONWrites(t *testing.T) {
	l := Letter{LetterFields: LetterFields{Subject: "Khiếu nại <đất> & \"nhà\"", Source: SourcePost, Domain: DomainLand,
		Kind: KindComplaint, ReceivedOn: MustDate("2025-05-02"),
		Senders: []Person{{FullName: "Nguyễn Văn Bình", Address: "Tổ 3 <b>"}}}, Code: "2025/000001", Status: LetterStatusRegistered}
	l.ID = 7
	sameJSON(t, "letters", List[Letter]{Items: []Letter{l, {}}, Total: 123456789012, Page: 3, PerPage: 50})
	sameJSON(t, "empty", List[Letter]{Items: []Letter{}, Page: 1, PerPage: 50})
	sameJSON(t, "nil", List[Letter]{Page: 1, PerPage: 50})
	sameJSON(t, "plain items", List[struct{ A string }]{Items: []struct{ A string }{{"<x>"}, {"é"}}, Total: 2})
	sameJSON(t, "pointer marshalers", List[pointerMarshaler]{Items: []pointerMarshaler{{1}, {2}}, Total: 2})
}
