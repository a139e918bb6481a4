package handlers

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

// sessionCookie is the web interface's session cookie.
const sessionCookie = "kntc_session"

var (
	notFoundRoute = models.Errorf(models.CodeNotFound, "Không có địa chỉ này.")
	errPanic      = models.Internal(errors.New("panic"))
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func (h *Handler) login(c *gin.Context) {
	var in loginRequest
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	res, err := h.svc.Login(c.Request.Context(), in.Username, in.Password, c.ClientIP())
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

func (h *Handler) logout(c *gin.Context) {
	if err := h.svc.Logout(c.Request.Context(), c.GetString("token")); err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (h *Handler) me(c *gin.Context) {
	u, err := h.svc.Me(c.Request.Context())
	respond(c, http.StatusOK, u, err)
}

// authenticate finds the user from the bearer token or the session cookie
// and puts it into the request's context; without one the answer is 401.
func (h *Handler) authenticate(c *gin.Context) {
	token := bearerToken(c)
	if token == "" {
		token, _ = c.Cookie(sessionCookie)
	}
	a, err := h.svc.Authenticate(c.Request.Context(), token)
	if err != nil {
		respondError(c, err)
		return
	}
	c.Set("token", token)
	c.Request = c.Request.WithContext(services.WithActor(c.Request.Context(), a))
	c.Next()
}

func bearerToken(c *gin.Context) string {
	h := c.GetHeader("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// respond writes v with status, or the error.
func respond(c *gin.Context, status int, v any, err error) {
	if err != nil {
		respondError(c, err)
		return
	}
	// A value that writes its own JSON (a record with its labels, a list of
	// them) is sent as it writes it: c.JSON would check and compact it again
	// (models.List.MarshalJSON says what that cost).
	if m, ok := v.(json.Marshaler); ok {
		b, err := m.MarshalJSON()
		if err != nil {
			respondError(c, models.Internal(err))
			return
		}
		c.Data(status, "application/json; charset=utf-8", b)
		return
	}
	c.JSON(status, v)
}
