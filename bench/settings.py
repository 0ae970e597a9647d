"""Settings for `make bench` only: the production settings plus the bench's bare view
(bench.urls). Never used in production."""

from backpain.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
