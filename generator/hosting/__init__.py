"""Publishing the built site past one host: what a host takes and whether the site fits
(`limits.py`: GitHub Pages' 1 GB, the file counts of Cloudflare Pages and Netlify), what each file
is sent with (`headers.py`: its Content-Type, and a Cache-Control long-lived for the files whose
names change with their bytes, short for the rest), and the deploy to S3-compatible object storage
with rclone (`deploy.py`: `timeline deploy`, `make deploy`).

It reads site/, never content/ nor docs/, and imports only `generator.environment` (its settings):
the `timeline` command and the MkDocs plugin call it.
"""
