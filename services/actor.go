package services

import (
	"context"

	"kntc/models"
)

// Actor is the signed-in user a use case runs for.
type Actor struct {
	ID       uint
	Username string
	FullName string
	Role     models.Role
}

type actorKey struct{}

// WithActor returns ctx carrying the acting user.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the acting user of ctx, if any.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok
}

// require returns the acting user when their role grants p: 401 without a
// user, 403 outside the role.
func require(ctx context.Context, p models.Permission) (Actor, error) {
	a, ok := ActorFrom(ctx)
	if !ok {
		return Actor{}, models.Errorf(models.CodeUnauthorized, "Vui lòng đăng nhập.")
	}
	if !a.Role.Can(p) {
		return a, models.Forbidden()
	}
	return a, nil
}

// userID returns a pointer to the actor's id for audit rows, nil for the system.
func (a Actor) userID() *uint {
	if a.ID == 0 {
		return nil
	}
	id := a.ID
	return &id
}
