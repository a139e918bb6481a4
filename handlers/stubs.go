package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Stubs for routes still being built; each is replaced by its real handler.

func (h *Handler) getStatistics(c *gin.Context) { c.Status(http.StatusNotImplemented) }
