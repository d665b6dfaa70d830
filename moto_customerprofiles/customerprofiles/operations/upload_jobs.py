"""CreateUploadJob, GetUploadJobPath, StartUploadJob, StopUploadJob, GetUploadJob and
ListUploadJobs.

The file is uploaded to moto's S3: a bucket of the mock's own in the domain's account and
region (``customer-profiles-uploads-<account>-<region>``, created by the first
GetUploadJobPath), object ``<domain>/<job id>.csv``. StartUploadJob's processing reads it
from there (``engine/uploads.py``).
"""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from moto.moto_api._internal import mock_random

from ..engine.uploads import process_upload
from ..moto_services import s3_create_bucket, s3_get
from ..resources.clock import now
from ..resources.common import paginated
from ..resources.domains import Domain
from ..resources.upload_jobs import UploadJob
from .base import BackendState

# How long GetUploadJobPath's Url is said to be valid (AWS documents no TTL; S3's
# pre-signed URLs default to one hour). The mock does not expire it.
URL_VALIDITY = timedelta(hours=1)
AWS_HOST_SUFFIX = ".amazonaws.com"


class UploadPath:
    """GetUploadJobPath's answer."""

    def __init__(self, url: str, client_token: str) -> None:
        self.url = url
        self.client_token = client_token
        self.valid_until = now() + URL_VALIDITY


def sse_customer_key_md5(client_token: str) -> str:
    """The ``x-amz-server-side-encryption-customer-key-MD5`` header for a ClientToken:
    base64 of the MD5 of the raw 256-bit key."""
    raw = base64.b64decode(client_token)
    return base64.b64encode(hashlib.md5(raw).digest()).decode()


class UploadJobsBackend(BackendState):
    def create_upload_job(
        self,
        domain_name: str,
        display_name: str,
        fields: dict[str, Any],
        unique_key: str,
        data_expiry: int | None = None,
    ) -> UploadJob:
        """
        DataExpiry defaults to 14 days; profiles do not expire in the mock. DisplayName
        need not be unique (AWS documents no error). Fields and UniqueKey are checked
        when the file is read, not here.
        """
        domain = self._get_domain(domain_name)
        job = UploadJob(
            job_id=mock_random.uuid4().hex,
            display_name=display_name,
            fields=fields,
            unique_key=unique_key,
            data_expiry=data_expiry,
            client_token=base64.b64encode(
                mock_random.getrandbits(256).to_bytes(32, "big")
            ).decode(),
        )
        domain.upload_jobs[job.job_id] = job
        return job

    def get_upload_job_path(
        self, domain_name: str, job_id: str, endpoint: str
    ) -> UploadPath:
        """
        ``endpoint`` is where the request came (scheme and host). From an AWS host (the
        decorator) the Url is a virtual-hosted S3 URL, which moto's S3 intercepts; from
        any other host (a server) it is a path-style URL of that server, which moto's
        server answers as S3. Upload with a plain HTTP PUT and the SSE-C headers AWS
        documents (moto's S3 accepts and ignores them). The ClientToken (the base64 of a
        256-bit key) is made with the job; ValidUntil is an hour from the call and not
        enforced.
        """
        domain = self._get_domain(domain_name)
        job = domain.upload_job(job_id)
        bucket = self._upload_bucket()
        s3_create_bucket(self.account_id, self.partition, self.region_name, bucket)
        path = f"{bucket}/{upload_key(domain_name, job.job_id)}"
        parts = urlsplit(endpoint)
        if parts.hostname and parts.hostname.endswith(AWS_HOST_SUFFIX):
            key_path = upload_key(domain_name, job.job_id)
            url = f"https://{bucket}.s3.{self.region_name}.amazonaws.com/{key_path}"
        else:
            url = f"{parts.scheme or 'http'}://{parts.netloc}/{path}"
        return UploadPath(url, job.client_token)

    def start_upload_job(self, domain_name: str, job_id: str) -> None:
        """
        Starts a CREATED job (a job in any other status is left as it is). Without a
        file uploaded the job FAILS. See ``resources/upload_jobs.py`` for the statuses
        and ``engine/uploads.py`` for how the file is read.
        """
        domain = self._get_domain(domain_name)
        job = domain.upload_job(job_id)
        job.start()
        self._settle(domain, job)

    def stop_upload_job(self, domain_name: str, job_id: str) -> None:
        """A CREATED or IN_PROGRESS job becomes STOPPED, nothing ingested; a finished
        job is left as it is."""
        domain = self._get_domain(domain_name)
        job = domain.upload_job(job_id)
        self._settle(domain, job)
        job.stop()

    def get_upload_job(self, domain_name: str, job_id: str) -> UploadJob:
        domain = self._get_domain(domain_name)
        job = domain.upload_job(job_id)
        self._settle(domain, job)
        job.tick()
        return job

    @paginated(lambda j: j.sequence)
    def list_upload_jobs(self, domain_name: str) -> list[UploadJob]:
        """In creation order."""
        domain = self._get_domain(domain_name)
        jobs = list(domain.upload_jobs.values())
        for job in jobs:
            self._settle(domain, job)
            job.tick()
        return jobs

    def _settle(self, domain: Domain, job: UploadJob) -> None:
        """Process a started job once the state manager says its time has come."""
        if job.due():
            data = s3_get(
                self.account_id,
                self.partition,
                self._upload_bucket(),
                upload_key(domain.domain_name, job.job_id),
            )
            self.trigger_invocations.extend(process_upload(domain, job, data))

    def _upload_bucket(self) -> str:
        return f"customer-profiles-uploads-{self.account_id}-{self.region_name}"


def upload_key(domain_name: str, job_id: str) -> str:
    return f"{domain_name}/{job_id}.csv"
