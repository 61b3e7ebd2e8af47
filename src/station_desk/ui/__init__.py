"""The Qt window. Talks to `services.desk.Desk` only; never to SQL."""
