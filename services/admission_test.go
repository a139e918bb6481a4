package services_test

import (
	"context"
	"runtime"
	"testing"

	"kntc/models/modeltest"
	"kntc/services"
)

func TestAdmitReadOnePerCore(t *testing.T) {
	db := modeltest.NewDB(t)
	svc := services.New(db, services.DefaultConfig(), nil)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if modeltest.Driver() != "sqlite" {
		// PostgreSQL runs reads in its own processes: no turns but for
		// searches.
		for range 100 {
			if release, err := svc.AdmitRead(context.Background(), false); err != nil || release != nil {
				t.Fatalf("a read that is not a search took a turn (%v)", err)
			}
		}
		return
	}
	var releases []func()
	for range runtime.GOMAXPROCS(0) {
		release, err := svc.AdmitRead(context.Background(), false)
		if err != nil {
			t.Fatalf("slot %d: %v", len(releases)+1, err)
		}
		releases = append(releases, release)
	}
	// All taken: a reader whose context ends gives up instead of waiting.
	if _, err := svc.AdmitRead(cancelled, false); err == nil {
		t.Fatal("a read was admitted beyond one per core")
	}
	releases[0]()
	release, err := svc.AdmitRead(context.Background(), false)
	if err != nil {
		t.Fatalf("a freed slot: %v", err)
	}
	release()
	for _, r := range releases[1:] {
		r()
	}
}

// On PostgreSQL searches take turns, one per two cores (at least one).
func TestAdmitSearchOnePerTwoCores(t *testing.T) {
	if modeltest.Driver() == "sqlite" {
		t.Skip("on SQLite every read takes a turn (TestAdmitReadOnePerCore)")
	}
	svc := services.New(modeltest.NewDB(t), services.DefaultConfig(), nil)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	var releases []func()
	for range max(1, runtime.GOMAXPROCS(0)/2) {
		release, err := svc.AdmitRead(context.Background(), true)
		if err != nil || release == nil {
			t.Fatalf("search %d: no turn (%v)", len(releases)+1, err)
		}
		releases = append(releases, release)
	}
	if _, err := svc.AdmitRead(cancelled, true); err == nil {
		t.Fatal("a search was admitted beyond one per two cores")
	}
	if release, err := svc.AdmitRead(cancelled, false); err != nil || release != nil {
		t.Fatalf("a read waited for the searches' turns (%v)", err)
	}
	releases[0]()
	release, err := svc.AdmitRead(context.Background(), true)
	if err != nil {
		t.Fatalf("a freed turn: %v", err)
	}
	release()
	for _, r := range releases[1:] {
		r()
	}
}
