"""Settings for `make bench` only: production settings plus the bench's bare view (bench.urls),
with static files collected into the bench's temporary folder. Never used in production."""

import os

from backpain.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
