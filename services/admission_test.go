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
		// PostgreSQL runs reads in its own processes: no turns.
		for range 100 {
			if _, err := svc.AdmitRead(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	var releases []func()
	for range runtime.GOMAXPROCS(0) {
		release, err := svc.AdmitRead(context.Background())
		if err != nil {
			t.Fatalf("slot %d: %v", len(releases)+1, err)
		}
		releases = append(releases, release)
	}
	// All taken: a reader whose context ends gives up instead of waiting.
	if _, err := svc.AdmitRead(cancelled); err == nil {
		t.Fatal("a read was admitted beyond one per core")
	}
	releases[0]()
	release, err := svc.AdmitRead(context.Background())
	if err != nil {
		t.Fatalf("a freed slot: %v", err)
	}
	release()
	for _, r := range releases[1:] {
		r()
	}
}
