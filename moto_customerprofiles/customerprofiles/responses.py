"""Handles incoming customerprofiles requests, invokes methods, returns responses."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

from moto.core.common_types import TYPE_RESPONSE
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import camelcase_to_underscores

from .compat import ResponseHooks
from .exceptions import (
    BadRequestException,
    InternalServerException,
    ResourceNotFoundException,
)
from .models import CustomerProfilesBackend, customerprofiles_backends
from .protocol.validation import (
    RequestValidationError,
    operation_by_method_and_path,
    operation_missing_required_query,
    parse_body,
    sensitive_values,
    validate_request,
    without_sensitive_values,
)
from .resources.clock import CLOCK_HEADER, now, parse_moment, request_clock
from .resources.profiles import PROFILE_FIELDS
from .resources.workflows import APPFLOW_INTEGRATION

log = logging.getLogger(__name__)
_FORMS = ("application/x-www-form-urlencoded",)


class CustomerProfilesResponse(ResponseHooks):
    """One method per operation; moto's router picks it from the method and path.

    Every request is checked against the botocore model before moto parses it (see
    ``protocol/validation.py``), and runs under its backend's lock.
    """

    def __init__(self) -> None:
        super().__init__(service_name="customer-profiles")

    @property
    def backend(self) -> CustomerProfilesBackend:
        return customerprofiles_backends[self.current_account][self.region]

    # --- what every operation shares -------------------------------------------------

    def validate(self) -> None:
        form = self._form_error()
        if form is not None:  # moto < 5.2.6 routes it, and reads the form as the body
            raise form
        self._validate(self.operation_name, self.uri_labels())

    def _form_error(self) -> BadRequestException | None:
        content_type = str(self.headers.get("Content-Type") or "")
        if not content_type.startswith(_FORMS):
            return None
        return BadRequestException(
            f"Content-Type {content_type.split(';')[0]} is not supported: "
            "send the request body as JSON (application/json)"
        )

    def _validate(self, operation: str, labels: dict[str, str]) -> None:
        body, problem = parse_body(self.body)
        if body is None:
            raise BadRequestException(problem)
        query = parse_qs(self.parsed_url.query, keep_blank_values=True)
        validate_request(
            self.service_model().operation_model(operation), body, labels, query
        )

    def iam_resource(self) -> str:
        """The tagged resource, or the domain."""
        labels = self.uri_labels()
        if "resourceArn" in labels:
            return labels["resourceArn"]
        if "DomainName" in labels:
            return self.backend.domain_arn(labels["DomainName"])
        return "*"

    def call_action(self) -> TYPE_RESPONSE:
        try:
            return self._answer()
        except Exception:  # a bug: answered as the model's error, in JSON
            log.exception("%s failed", self.operation_name or self.path)
            return self._error(InternalServerException("An internal error occurred."))

    def _answer(self) -> TYPE_RESPONSE:
        error = (
            self.request_error
            or self._routing_error()
            or self._region_error()
            or self._clock_error()
        )
        if error is not None:
            return self._error(error)
        # One request at a time per backend (account and region), from the
        # authorization check to the serialized answer, which reads the models.
        clock = request_clock(parse_moment(self.headers.get(CLOCK_HEADER)))
        with self.backend.lock, clock:
            denial = self.authorize()
            if denial is not None:
                return denial
            return super().call_action()

    def _routing_error(self) -> Exception | None:
        if not self.operation_name:
            # moto's router (5.2.5 on) also asks for required query members, which
            # AWS reports as a validation error of the operation the path names.
            routed = operation_missing_required_query(
                self.service_model(), self.method, self.raw_path
            )
            if routed is not None:
                try:
                    self._validate(*routed)
                except BadRequestException as error:
                    return error
            form = self._form_error()
            if form is not None and operation_by_method_and_path(
                self.service_model(), self.method, self.raw_path
            ):
                # moto 5.2.6 reads a form body as a query-protocol request, routed nowhere
                return form
            return ResourceNotFoundException(
                f"No Customer Profiles operation matches {self.method} {self.path}"
            )
        if not hasattr(self, camelcase_to_underscores(self.operation_name)):
            return BadRequestException(
                f"The {self.operation_name} action has not been implemented in moto-customerprofiles"
            )
        return None

    def serialized(self, action_result: ActionResult) -> TYPE_RESPONSE:
        """Business-rule messages never repeat a value the model marks sensitive (the
        validator's own messages show such values as '***' already)."""
        error = action_result.result
        if (
            isinstance(error, ServiceException)
            and not isinstance(error, RequestValidationError)
            and self.operation_name
        ):
            error.message = self._scrubbed(error.message)
        return super().serialized(action_result)

    def _scrubbed(self, message: str) -> str:
        body, _ = parse_body(self.body)
        if not body:
            return message
        operation = self.service_model().operation_model(self.operation_name)
        sensitive, shown = sensitive_values(operation, body)
        shown |= set(self.uri_labels().values())
        return without_sensitive_values(message, sensitive, shown)

    def _clock_error(self) -> Exception | None:
        """The clock header is a moment or a refusal, never silently ignored."""
        header = self.headers.get(CLOCK_HEADER)
        if header is None or parse_moment(header) is not None:
            return None
        shown = header if len(header) <= 64 else header[:64] + "..."
        return BadRequestException(
            f"The header {CLOCK_HEADER} must be an ISO 8601 timestamp within the "
            f"years 1 to 9999 in UTC: {shown}"
        )

    def _region_error(self) -> Exception | None:
        account_backends = customerprofiles_backends[self.current_account]
        try:
            account_backends[self.region]
        except KeyError:
            return BadRequestException(
                f"Customer Profiles is not available in region {self.region}. "
                f"Supported regions: {', '.join(account_backends.regions)}"
            )
        return None

    def _error(self, error: Exception) -> TYPE_RESPONSE:
        status, headers, body = self.serialized(ActionResult(error))
        headers["status"] = str(status)
        return status, headers, body

    def _profile_fields(self) -> dict[str, Any]:
        """The standard profile members the request gives, by their AWS names."""
        fields = {name: self._get_param(name) for name in PROFILE_FIELDS}
        return {name: value for name, value in fields.items() if value is not None}

    #### no member for CreateProfile members
    #### no member for UpdateProfile members
    # --- domains -------------------------------------------------------------

    def create_domain(self) -> ActionResult:
        domain = self.backend.create_domain(
            domain_name=self._get_param("DomainName"),
            default_expiration_days=self._get_param("DefaultExpirationDays"),
            default_encryption_key=self._get_param("DefaultEncryptionKey"),
            dead_letter_queue_url=self._get_param("DeadLetterQueueUrl"),
            matching=self._get_param("Matching"),
            rule_based_matching=self._get_param("RuleBasedMatching"),
            data_store=self._get_param("DataStore"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(domain)

    def get_domain(self) -> ActionResult:
        domain = self.backend.get_domain(
            domain_name=self._get_param("DomainName"),
        )
        return ActionResult(domain)

    def update_domain(self) -> ActionResult:
        domain = self.backend.update_domain(
            domain_name=self._get_param("DomainName"),
            default_expiration_days=self._get_param("DefaultExpirationDays"),
            default_encryption_key=self._get_param("DefaultEncryptionKey"),
            dead_letter_queue_url=self._get_param("DeadLetterQueueUrl"),
            matching=self._get_param("Matching"),
            rule_based_matching=self._get_param("RuleBasedMatching"),
            data_store=self._get_param("DataStore"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(domain)

    def delete_domain(self) -> ActionResult:
        message = self.backend.delete_domain(
            domain_name=self._get_param("DomainName"),
        )
        return ActionResult({"Message": message})

    def list_domains(self) -> ActionResult:
        page = self.backend.list_domains(
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- object types --------------------------------------------------------

    def put_profile_object_type(self) -> ActionResult:
        profile_object_type = self.backend.put_profile_object_type(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            description=self._get_param("Description"),
            template_id=self._get_param("TemplateId"),
            expiration_days=self._get_param("ExpirationDays"),
            encryption_key=self._get_param("EncryptionKey"),
            allow_profile_creation=self._get_param("AllowProfileCreation"),
            source_last_updated_timestamp_format=self._get_param(
                "SourceLastUpdatedTimestampFormat"
            ),
            max_profile_object_count=self._get_param("MaxProfileObjectCount"),
            source_priority=self._get_param("SourcePriority"),
            fields=self._get_param("Fields"),
            keys=self._get_param("Keys"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(profile_object_type)

    def get_profile_object_type(self) -> ActionResult:
        profile_object_type = self.backend.get_profile_object_type(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
        )
        return ActionResult(profile_object_type)

    def delete_profile_object_type(self) -> ActionResult:
        message = self.backend.delete_profile_object_type(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
        )
        return ActionResult({"Message": message})

    def list_profile_object_types(self) -> ActionResult:
        page = self.backend.list_profile_object_types(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- domain object types ---------------------------------------------------

    def put_domain_object_type(self) -> ActionResult:
        domain_object_type = self.backend.put_domain_object_type(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            description=self._get_param("Description"),
            encryption_key=self._get_param("EncryptionKey"),
            fields=self._get_param("Fields"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(domain_object_type)

    def get_domain_object_type(self) -> ActionResult:
        domain_object_type = self.backend.get_domain_object_type(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
        )
        return ActionResult(domain_object_type)

    def delete_domain_object_type(self) -> EmptyResult:
        self.backend.delete_domain_object_type(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
        )
        return EmptyResult()

    def list_domain_object_types(self) -> ActionResult:
        page = self.backend.list_domain_object_types(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- attributes and their values -------------------------------------------

    def list_object_type_attributes(self) -> ActionResult:
        page = self.backend.list_object_type_attributes(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def list_object_type_attribute_values(self) -> ActionResult:
        page = self.backend.list_object_type_attribute_values(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            attribute_name=self._get_param("AttributeName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def get_object_type_attribute_statistics(self) -> ActionResult:
        result = self.backend.get_object_type_attribute_statistics(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            attribute_name=self._get_param("AttributeName"),
        )
        return ActionResult(result)

    def list_profile_attribute_values(self) -> ActionResult:
        result = self.backend.list_profile_attribute_values(
            domain_name=self._get_param("DomainName"),
            attribute_name=self._get_param("AttributeName"),
        )
        return ActionResult(result)

    def detect_profile_object_type(self) -> ActionResult:
        result = self.backend.detect_profile_object_type(
            domain_name=self._get_param("DomainName"),
            objects=self._get_param("Objects"),
        )
        return ActionResult(result)

    # --- profile history -------------------------------------------------------

    def get_profile_history_record(self) -> ActionResult:
        entry = self.backend.get_profile_history_record(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            id=self._get_param("Id"),
        )
        return ActionResult(entry)

    def list_profile_history_records(self) -> ActionResult:
        page = self.backend.list_profile_history_records(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            object_type_name=self._get_param("ObjectTypeName"),
            action_type=self._get_param("ActionType"),
            performed_by=self._get_param("PerformedBy"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        items, token = page
        return ActionResult({"ProfileHistoryRecords": items, "NextToken": token})

    # --- segments ------------------------------------------------------------

    def create_segment_definition(self) -> ActionResult:
        segment_definition = self.backend.create_segment_definition(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
            display_name=self._get_param("DisplayName"),
            description=self._get_param("Description"),
            segment_groups=self._get_param("SegmentGroups"),
            segment_sql_query=self._get_param("SegmentSqlQuery"),
            segment_sort=self._get_param("SegmentSort"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(segment_definition)

    def get_segment_definition(self) -> ActionResult:
        segment_definition = self.backend.get_segment_definition(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
        )
        return ActionResult(segment_definition)

    def delete_segment_definition(self) -> ActionResult:
        message = self.backend.delete_segment_definition(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
        )
        return ActionResult({"Message": message})

    def list_segment_definitions(self) -> ActionResult:
        page = self.backend.list_segment_definitions(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- event triggers ------------------------------------------------------

    def create_event_trigger(self) -> ActionResult:
        event_trigger = self.backend.create_event_trigger(
            domain_name=self._get_param("DomainName"),
            event_trigger_name=self._get_param("EventTriggerName"),
            object_type_name=self._get_param("ObjectTypeName"),
            event_trigger_conditions=self._get_param("EventTriggerConditions"),
            description=self._get_param("Description"),
            segment_filter=self._get_param("SegmentFilter"),
            event_trigger_limits=self._get_param("EventTriggerLimits"),
            tags=self._get_param("Tags"),
            intent_filter_definition=self._get_param("IntentFilterDefinition"),
        )
        return ActionResult(event_trigger)

    def get_event_trigger(self) -> ActionResult:
        event_trigger = self.backend.get_event_trigger(
            domain_name=self._get_param("DomainName"),
            event_trigger_name=self._get_param("EventTriggerName"),
        )
        return ActionResult(event_trigger)

    def update_event_trigger(self) -> ActionResult:
        event_trigger = self.backend.update_event_trigger(
            domain_name=self._get_param("DomainName"),
            event_trigger_name=self._get_param("EventTriggerName"),
            object_type_name=self._get_param("ObjectTypeName"),
            description=self._get_param("Description"),
            event_trigger_conditions=self._get_param("EventTriggerConditions"),
            segment_filter=self._get_param("SegmentFilter"),
            event_trigger_limits=self._get_param("EventTriggerLimits"),
            intent_filter_definition=self._get_param("IntentFilterDefinition"),
        )
        return ActionResult(event_trigger)

    def delete_event_trigger(self) -> ActionResult:
        message = self.backend.delete_event_trigger(
            domain_name=self._get_param("DomainName"),
            event_trigger_name=self._get_param("EventTriggerName"),
        )
        return ActionResult({"Message": message})

    def list_event_triggers(self) -> ActionResult:
        page = self.backend.list_event_triggers(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- integrations --------------------------------------------------------

    def put_integration(self) -> ActionResult:
        integration = self.backend.put_integration(
            domain_name=self._get_param("DomainName"),
            uri=self._get_param("Uri"),
            object_type_name=self._get_param("ObjectTypeName"),
            object_type_names=self._get_param("ObjectTypeNames"),
            tags=self._get_param("Tags"),
            flow_definition=self._get_param("FlowDefinition"),
            role_arn=self._get_param("RoleArn"),
            event_trigger_names=self._get_param("EventTriggerNames"),
            scope=self._get_param("Scope"),
        )
        return ActionResult(integration)

    def get_integration(self) -> ActionResult:
        integration = self.backend.get_integration(
            domain_name=self._get_param("DomainName"),
            uri=self._get_param("Uri"),
        )
        return ActionResult(integration)

    def delete_integration(self) -> ActionResult:
        message = self.backend.delete_integration(
            domain_name=self._get_param("DomainName"),
            uri=self._get_param("Uri"),
        )
        return ActionResult({"Message": message})

    def list_integrations(self) -> ActionResult:
        page = self.backend.list_integrations(
            domain_name=self._get_param("DomainName"),
            include_hidden=self._get_param("IncludeHidden"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def list_account_integrations(self) -> ActionResult:
        page = self.backend.list_account_integrations(
            uri=self._get_param("Uri"),
            include_hidden=self._get_param("IncludeHidden"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- workflows -----------------------------------------------------------

    def create_integration_workflow(self) -> ActionResult:
        created = self.backend.create_integration_workflow(
            domain_name=self._get_param("DomainName"),
            workflow_type=self._get_param("WorkflowType"),
            integration_config=self._get_param("IntegrationConfig"),
            object_type_name=self._get_param("ObjectTypeName"),
            role_arn=self._get_param("RoleArn"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(created)

    def get_workflow(self) -> ActionResult:
        workflow = self.backend.get_workflow(
            domain_name=self._get_param("DomainName"),
            workflow_id=self._get_param("WorkflowId"),
        )
        return ActionResult(workflow)

    def get_workflow_steps(self) -> ActionResult:
        workflow_id = self._get_param("WorkflowId")
        page = self.backend.get_workflow_steps(
            domain_name=self._get_param("DomainName"),
            workflow_id=workflow_id,
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        # the only WorkflowType (the model's enum)
        return ActionResult(
            {"WorkflowId": workflow_id, "WorkflowType": APPFLOW_INTEGRATION}
            | page.result()
        )

    def list_workflows(self) -> ActionResult:
        page = self.backend.list_workflows(
            domain_name=self._get_param("DomainName"),
            workflow_type=self._get_param("WorkflowType"),
            status=self._get_param("Status"),
            query_start_date=self._get_param("QueryStartDate"),
            query_end_date=self._get_param("QueryEndDate"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def delete_workflow(self) -> ActionResult:
        self.backend.delete_workflow(
            domain_name=self._get_param("DomainName"),
            workflow_id=self._get_param("WorkflowId"),
        )
        return EmptyResult()

    # --- event streams -------------------------------------------------------

    def create_event_stream(self) -> ActionResult:
        event_stream = self.backend.create_event_stream(
            domain_name=self._get_param("DomainName"),
            uri=self._get_param("Uri"),
            event_stream_name=self._get_param("EventStreamName"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(event_stream)

    def get_event_stream(self) -> ActionResult:
        event_stream = self.backend.get_event_stream(
            domain_name=self._get_param("DomainName"),
            event_stream_name=self._get_param("EventStreamName"),
        )
        return ActionResult(event_stream)

    def delete_event_stream(self) -> ActionResult:
        self.backend.delete_event_stream(
            domain_name=self._get_param("DomainName"),
            event_stream_name=self._get_param("EventStreamName"),
        )
        return EmptyResult()

    def list_event_streams(self) -> ActionResult:
        page = self.backend.list_event_streams(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- profiles ------------------------------------------------------------

    def create_profile(self) -> ActionResult:
        profile_id = self.backend.create_profile(
            domain_name=self._get_param("DomainName"),
            fields=self._profile_fields(),
        )
        return ActionResult({"ProfileId": profile_id})

    def update_profile(self) -> ActionResult:
        profile_id = self.backend.update_profile(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            fields=self._profile_fields(),
        )
        return ActionResult({"ProfileId": profile_id})

    def delete_profile(self) -> ActionResult:
        message = self.backend.delete_profile(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
        )
        return ActionResult({"Message": message})

    def search_profiles(self) -> ActionResult:
        page = self.backend.search_profiles(
            domain_name=self._get_param("DomainName"),
            key_name=self._get_param("KeyName"),
            values=self._get_param("Values"),
            additional_search_keys=self._get_param("AdditionalSearchKeys"),
            logical_operator=self._get_param("LogicalOperator"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def batch_get_profile(self) -> ActionResult:
        profiles, errors = self.backend.batch_get_profile(
            domain_name=self._get_param("DomainName"),
            profile_ids=self._get_param("ProfileIds"),
        )
        return ActionResult({"Profiles": profiles, "Errors": errors})

    def add_profile_key(self) -> ActionResult:
        key_name, values = self.backend.add_profile_key(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            key_name=self._get_param("KeyName"),
            values=self._get_param("Values"),
        )
        return ActionResult({"KeyName": key_name, "Values": values})

    def delete_profile_key(self) -> ActionResult:
        message = self.backend.delete_profile_key(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            key_name=self._get_param("KeyName"),
            values=self._get_param("Values"),
        )
        return ActionResult({"Message": message})

    def merge_profiles(self) -> ActionResult:
        message = self.backend.merge_profiles(
            domain_name=self._get_param("DomainName"),
            main_profile_id=self._get_param("MainProfileId"),
            profile_ids_to_be_merged=self._get_param("ProfileIdsToBeMerged"),
            field_source_profile_ids=self._get_param("FieldSourceProfileIds"),
        )
        return ActionResult({"Message": message})

    # --- profile objects -----------------------------------------------------

    def put_profile_object(self) -> ActionResult:
        profile_object_unique_key = self.backend.put_profile_object(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            object=self._get_param("Object"),
        )
        return ActionResult({"ProfileObjectUniqueKey": profile_object_unique_key})

    def batch_put_profile_object(self) -> ActionResult:
        result = self.backend.batch_put_profile_object(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            items=self._get_param("Items"),
        )
        return ActionResult(result)

    def list_profile_objects(self) -> ActionResult:
        page = self.backend.list_profile_objects(
            domain_name=self._get_param("DomainName"),
            object_type_name=self._get_param("ObjectTypeName"),
            profile_id=self._get_param("ProfileId"),
            object_filter=self._get_param("ObjectFilter"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def delete_profile_object(self) -> ActionResult:
        message = self.backend.delete_profile_object(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            profile_object_unique_key=self._get_param("ProfileObjectUniqueKey"),
            object_type_name=self._get_param("ObjectTypeName"),
        )
        return ActionResult({"Message": message})

    # --- segment membership --------------------------------------------------

    def get_segment_membership(self) -> ActionResult:
        name, profiles, failures = self.backend.get_segment_membership(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
            profile_ids=self._get_param("ProfileIds"),
        )
        return ActionResult(
            {
                "SegmentDefinitionName": name,
                "Profiles": profiles,
                "Failures": failures,
                "LastComputedAt": now(),
            }
        )

    def create_segment_estimate(self) -> ActionResult:
        segment_estimate = self.backend.create_segment_estimate(
            domain_name=self._get_param("DomainName"),
            segment_query=self._get_param("SegmentQuery"),
            segment_sql_query=self._get_param("SegmentSqlQuery"),
        )
        return ActionResult(segment_estimate)

    def get_segment_estimate(self) -> ActionResult:
        segment_estimate = self.backend.get_segment_estimate(
            domain_name=self._get_param("DomainName"),
            estimate_id=self._get_param("EstimateId"),
        )
        return ActionResult(segment_estimate)

    # --- segment snapshots, the segment stream and subscriptions -------------

    def create_segment_snapshot(self) -> ActionResult:
        snapshot = self.backend.create_segment_snapshot(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
            data_format=self._get_param("DataFormat"),
            encryption_key=self._get_param("EncryptionKey"),
            role_arn=self._get_param("RoleArn"),
            destination_uri=self._get_param("DestinationUri"),
        )
        return ActionResult({"SnapshotId": snapshot.snapshot_id})

    def get_segment_snapshot(self) -> ActionResult:
        snapshot = self.backend.get_segment_snapshot(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
            snapshot_id=self._get_param("SnapshotId"),
        )
        return ActionResult(snapshot)

    def associate_stream_for_segments(self) -> ActionResult:
        self.backend.associate_stream_for_segments(
            domain_name=self._get_param("DomainName"),
            destination_arn=self._get_param("DestinationArn"),
            destination_role_arn=self._get_param("DestinationRoleArn"),
        )
        return EmptyResult()

    def disassociate_stream_for_segments(self) -> ActionResult:
        message = self.backend.disassociate_stream_for_segments(
            domain_name=self._get_param("DomainName"),
        )
        return ActionResult({"Message": message})

    def get_stream_for_segments(self) -> ActionResult:
        stream = self.backend.get_stream_for_segments(
            domain_name=self._get_param("DomainName"),
        )
        return ActionResult(stream)

    def put_segment_subscription(self) -> ActionResult:
        subscription = self.backend.put_segment_subscription(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
            schedule_configuration=self._get_param("ScheduleConfiguration"),
        )
        return ActionResult(subscription)

    def get_segment_subscription(self) -> ActionResult:
        subscription = self.backend.get_segment_subscription(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
        )
        return ActionResult(subscription)

    def delete_segment_subscription(self) -> ActionResult:
        message = self.backend.delete_segment_subscription(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
        )
        return ActionResult({"Message": message})

    def list_segment_subscription_events(self) -> ActionResult:
        page = self.backend.list_segment_subscription_events(
            domain_name=self._get_param("DomainName"),
            segment_definition_name=self._get_param("SegmentDefinitionName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        items, token = page
        return ActionResult({"Events": items, "NextToken": token})

    # --- calculated attributes -----------------------------------------------

    def create_calculated_attribute_definition(self) -> ActionResult:
        calculated_attribute_definition = (
            self.backend.create_calculated_attribute_definition(
                domain_name=self._get_param("DomainName"),
                calculated_attribute_name=self._get_param("CalculatedAttributeName"),
                attribute_details=self._get_param("AttributeDetails"),
                statistic=self._get_param("Statistic"),
                display_name=self._get_param("DisplayName"),
                description=self._get_param("Description"),
                conditions=self._get_param("Conditions"),
                filter=self._get_param("Filter"),
                use_historical_data=self._get_param("UseHistoricalData"),
                tags=self._get_param("Tags"),
            )
        )
        return ActionResult(calculated_attribute_definition)

    def get_calculated_attribute_definition(self) -> ActionResult:
        calculated_attribute_definition = (
            self.backend.get_calculated_attribute_definition(
                domain_name=self._get_param("DomainName"),
                calculated_attribute_name=self._get_param("CalculatedAttributeName"),
            )
        )
        return ActionResult(calculated_attribute_definition)

    def update_calculated_attribute_definition(self) -> ActionResult:
        calculated_attribute_definition = (
            self.backend.update_calculated_attribute_definition(
                domain_name=self._get_param("DomainName"),
                calculated_attribute_name=self._get_param("CalculatedAttributeName"),
                display_name=self._get_param("DisplayName"),
                description=self._get_param("Description"),
                conditions=self._get_param("Conditions"),
            )
        )
        return ActionResult(calculated_attribute_definition)

    def delete_calculated_attribute_definition(self) -> ActionResult:
        self.backend.delete_calculated_attribute_definition(
            domain_name=self._get_param("DomainName"),
            calculated_attribute_name=self._get_param("CalculatedAttributeName"),
        )
        return EmptyResult()

    def list_calculated_attribute_definitions(self) -> ActionResult:
        page = self.backend.list_calculated_attribute_definitions(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def get_calculated_attribute_for_profile(self) -> ActionResult:
        calculated_attribute_value = self.backend.get_calculated_attribute_for_profile(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            calculated_attribute_name=self._get_param("CalculatedAttributeName"),
        )
        return ActionResult(calculated_attribute_value)

    def list_calculated_attributes_for_profile(self) -> ActionResult:
        page = self.backend.list_calculated_attributes_for_profile(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def batch_get_calculated_attribute_for_profile(self) -> ActionResult:
        errors, values, overrides = (
            self.backend.batch_get_calculated_attribute_for_profile(
                domain_name=self._get_param("DomainName"),
                calculated_attribute_name=self._get_param("CalculatedAttributeName"),
                profile_ids=self._get_param("ProfileIds"),
                condition_overrides=self._get_param("ConditionOverrides"),
            )
        )
        return ActionResult(
            {
                "Errors": errors,
                "CalculatedAttributeValues": values,
                "ConditionOverrides": overrides,
            }
        )

    # --- domain layouts ------------------------------------------------------

    def create_domain_layout(self) -> ActionResult:
        domain_layout = self.backend.create_domain_layout(
            domain_name=self._get_param("DomainName"),
            layout_definition_name=self._get_param("LayoutDefinitionName"),
            description=self._get_param("Description"),
            display_name=self._get_param("DisplayName"),
            is_default=self._get_param("IsDefault"),
            layout_type=self._get_param("LayoutType"),
            layout=self._get_param("Layout"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(domain_layout)

    def get_domain_layout(self) -> ActionResult:
        domain_layout = self.backend.get_domain_layout(
            domain_name=self._get_param("DomainName"),
            layout_definition_name=self._get_param("LayoutDefinitionName"),
        )
        return ActionResult(domain_layout)

    def update_domain_layout(self) -> ActionResult:
        domain_layout = self.backend.update_domain_layout(
            domain_name=self._get_param("DomainName"),
            layout_definition_name=self._get_param("LayoutDefinitionName"),
            description=self._get_param("Description"),
            display_name=self._get_param("DisplayName"),
            is_default=self._get_param("IsDefault"),
            layout_type=self._get_param("LayoutType"),
            layout=self._get_param("Layout"),
        )
        return ActionResult(domain_layout)

    def delete_domain_layout(self) -> ActionResult:
        message = self.backend.delete_domain_layout(
            domain_name=self._get_param("DomainName"),
            layout_definition_name=self._get_param("LayoutDefinitionName"),
        )
        return ActionResult({"Message": message})

    def list_domain_layouts(self) -> ActionResult:
        page = self.backend.list_domain_layouts(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    # --- intents -------------------------------------------------------------

    def put_intent_definition(self) -> ActionResult:
        definition = self.backend.put_intent_definition(
            domain_name=self._get_param("DomainName"),
            intent_domain=self._get_param("IntentDomain"),
            intents=self._get_param("Intents"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(definition)

    def get_intent_definition(self) -> ActionResult:
        definition = self.backend.get_intent_definition(
            domain_name=self._get_param("DomainName"),
            intent_domain=self._get_param("IntentDomain"),
        )
        return ActionResult(definition)

    def delete_intent_definition(self) -> ActionResult:
        self.backend.delete_intent_definition(
            domain_name=self._get_param("DomainName"),
            intent_domain=self._get_param("IntentDomain"),
        )
        return EmptyResult()

    def list_intent_types(self) -> ActionResult:
        page = self.backend.list_intent_types(
            intent_domain=self._get_param("IntentDomain"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def batch_get_intent_for_profile(self) -> ActionResult:
        intents, errors = self.backend.batch_get_intent_for_profile(
            domain_name=self._get_param("DomainName"),
            intent_domain=self._get_param("IntentDomain"),
            intents=self._get_param("Intents"),
            key_name=self._get_param("KeyName"),
            key_values=self._get_param("KeyValues"),
        )
        return ActionResult({"Intents": intents, "Errors": errors})

    # --- recommenders ---------------------------------------------------------

    def create_recommender(self) -> ActionResult:
        recommender = self.backend.create_recommender(
            domain_name=self._get_param("DomainName"),
            recommender_name=self._get_param("RecommenderName"),
            recommender_recipe_name=self._get_param("RecommenderRecipeName"),
            recommender_config=self._get_param("RecommenderConfig"),
            description=self._get_param("Description"),
            recommender_schema_name=self._get_param("RecommenderSchemaName"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(
            {"RecommenderArn": recommender.arn, "Tags": recommender.tags}
        )

    def get_recommender(self) -> ActionResult:
        recommender = self.backend.get_recommender(
            domain_name=self._get_param("DomainName"),
            recommender_name=self._get_param("RecommenderName"),
            training_metrics_count=self._get_param("TrainingMetricsCount"),
        )
        return ActionResult(recommender)

    def update_recommender(self) -> ActionResult:
        recommender = self.backend.update_recommender(
            domain_name=self._get_param("DomainName"),
            recommender_name=self._get_param("RecommenderName"),
            description=self._get_param("Description"),
            recommender_config=self._get_param("RecommenderConfig"),
            recommender_version_name=self._get_param("RecommenderVersionName"),
        )
        return ActionResult({"RecommenderName": recommender.recommender_name})

    def delete_recommender(self) -> ActionResult:
        self.backend.delete_recommender(
            domain_name=self._get_param("DomainName"),
            recommender_name=self._get_param("RecommenderName"),
        )
        return EmptyResult()

    def list_recommenders(self) -> ActionResult:
        page = self.backend.list_recommenders(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult({"Recommenders": page.items, "NextToken": page.next_token})

    def start_recommender(self) -> ActionResult:
        self.backend.start_recommender(
            domain_name=self._get_param("DomainName"),
            recommender_name=self._get_param("RecommenderName"),
        )
        return EmptyResult()

    def stop_recommender(self) -> ActionResult:
        self.backend.stop_recommender(
            domain_name=self._get_param("DomainName"),
            recommender_name=self._get_param("RecommenderName"),
        )
        return EmptyResult()

    def create_recommender_filter(self) -> ActionResult:
        recommender_filter = self.backend.create_recommender_filter(
            domain_name=self._get_param("DomainName"),
            recommender_filter_name=self._get_param("RecommenderFilterName"),
            recommender_filter_expression=self._get_param(
                "RecommenderFilterExpression"
            ),
            recommender_schema_name=self._get_param("RecommenderSchemaName"),
            description=self._get_param("Description"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(recommender_filter)

    def get_recommender_filter(self) -> ActionResult:
        recommender_filter = self.backend.get_recommender_filter(
            domain_name=self._get_param("DomainName"),
            recommender_filter_name=self._get_param("RecommenderFilterName"),
        )
        return ActionResult(recommender_filter)

    def delete_recommender_filter(self) -> ActionResult:
        message = self.backend.delete_recommender_filter(
            domain_name=self._get_param("DomainName"),
            recommender_filter_name=self._get_param("RecommenderFilterName"),
        )
        return ActionResult({"Message": message})

    def list_recommender_filters(self) -> ActionResult:
        page = self.backend.list_recommender_filters(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(
            {"RecommenderFilters": page.items, "NextToken": page.next_token}
        )

    def create_recommender_schema(self) -> ActionResult:
        schema = self.backend.create_recommender_schema(
            domain_name=self._get_param("DomainName"),
            recommender_schema_name=self._get_param("RecommenderSchemaName"),
            fields=self._get_param("Fields"),
            tags=self._get_param("Tags"),
        )
        return ActionResult(schema)

    def get_recommender_schema(self) -> ActionResult:
        schema = self.backend.get_recommender_schema(
            domain_name=self._get_param("DomainName"),
            recommender_schema_name=self._get_param("RecommenderSchemaName"),
        )
        return ActionResult(schema)

    def delete_recommender_schema(self) -> ActionResult:
        self.backend.delete_recommender_schema(
            domain_name=self._get_param("DomainName"),
            recommender_schema_name=self._get_param("RecommenderSchemaName"),
        )
        return EmptyResult()

    def list_recommender_schemas(self) -> ActionResult:
        page = self.backend.list_recommender_schemas(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(
            {"RecommenderSchemas": page.items, "NextToken": page.next_token}
        )

    def list_recommender_recipes(self) -> ActionResult:
        page = self.backend.list_recommender_recipes(
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(
            {"RecommenderRecipes": page.items, "NextToken": page.next_token}
        )

    def get_profile_recommendations(self) -> ActionResult:
        recommendations = self.backend.get_profile_recommendations(
            domain_name=self._get_param("DomainName"),
            profile_id=self._get_param("ProfileId"),
            recommender_name=self._get_param("RecommenderName"),
            context=self._get_param("Context"),
            recommender_filters=self._get_param("RecommenderFilters"),
            recommender_promotional_filters=self._get_param(
                "RecommenderPromotionalFilters"
            ),
            candidate_ids=self._get_param("CandidateIds"),
            max_results=self._get_param("MaxResults"),
            metadata_config=self._get_param("MetadataConfig"),
            diversity_config=self._get_param("DiversityConfig"),
        )
        return ActionResult({"Recommendations": recommendations})

    def search_recommendations(self) -> ActionResult:
        profile_id, recommendations = self.backend.search_recommendations(
            domain_name=self._get_param("DomainName"),
            key_name=self._get_param("KeyName"),
            key_values=self._get_param("KeyValues"),
            recommender=self._get_param("Recommender"),
            candidate_ids=self._get_param("CandidateIds"),
            context=self._get_param("Context"),
            diversity=self._get_param("Diversity"),
            metadata=self._get_param("Metadata"),
            max_recommendations=self._get_param("MaxRecommendations"),
        )
        return ActionResult(
            {"ProfileId": profile_id, "Recommendations": recommendations}
        )

    # --- upload jobs ---------------------------------------------------------

    def create_upload_job(self) -> ActionResult:
        job = self.backend.create_upload_job(
            domain_name=self._get_param("DomainName"),
            display_name=self._get_param("DisplayName"),
            fields=self._get_param("Fields"),
            unique_key=self._get_param("UniqueKey"),
            data_expiry=self._get_param("DataExpiry"),
        )
        return ActionResult({"JobId": job.job_id})

    def get_upload_job_path(self) -> ActionResult:
        path = self.backend.get_upload_job_path(
            domain_name=self._get_param("DomainName"),
            job_id=self._get_param("JobId"),
            endpoint=f"{self.parsed_url.scheme}://{self.headers.get('Host') or self.parsed_url.netloc}",
        )
        return ActionResult(path)

    def start_upload_job(self) -> ActionResult:
        self.backend.start_upload_job(
            domain_name=self._get_param("DomainName"),
            job_id=self._get_param("JobId"),
        )
        return EmptyResult()

    def stop_upload_job(self) -> ActionResult:
        self.backend.stop_upload_job(
            domain_name=self._get_param("DomainName"),
            job_id=self._get_param("JobId"),
        )
        return EmptyResult()

    def get_upload_job(self) -> ActionResult:
        job = self.backend.get_upload_job(
            domain_name=self._get_param("DomainName"),
            job_id=self._get_param("JobId"),
        )
        return ActionResult(job)

    def list_upload_jobs(self) -> ActionResult:
        page = self.backend.list_upload_jobs(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult({"Items": page.items, "NextToken": page.next_token})

    # --- tagging -------------------------------------------------------------

    def tag_resource(self) -> ActionResult:
        self.backend.tag_resource(
            resource_arn=self._get_param("resourceArn"),
            tags=self._get_param("tags"),
        )
        return EmptyResult()

    def untag_resource(self) -> ActionResult:
        self.backend.untag_resource(
            resource_arn=self._get_param("resourceArn"),
            tag_keys=self._get_param("tagKeys"),
        )
        return EmptyResult()

    def list_tags_for_resource(self) -> ActionResult:
        tags = self.backend.list_tags_for_resource(
            resource_arn=self._get_param("resourceArn"),
        )
        return ActionResult({"tags": tags})

    # --- templates -----------------------------------------------------------

    def list_profile_object_type_templates(self) -> ActionResult:
        page = self.backend.list_profile_object_type_templates(
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(page.result())

    def get_profile_object_type_template(self) -> ActionResult:
        result = self.backend.get_profile_object_type_template(
            template_id=self._get_param("TemplateId"),
        )
        return ActionResult(result)

    # --- identity resolution -------------------------------------------------

    def list_rule_based_matches(self) -> ActionResult:
        page = self.backend.list_rule_based_matches(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult({"MatchIds": page.items, "NextToken": page.next_token})

    def get_similar_profiles(self) -> ActionResult:
        result = self.backend.get_similar_profiles(
            domain_name=self._get_param("DomainName"),
            match_type=self._get_param("MatchType"),
            search_key=self._get_param("SearchKey"),
            search_value=self._get_param("SearchValue"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(result)

    def get_matches(self) -> ActionResult:
        result = self.backend.get_matches(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(result)

    def get_auto_merging_preview(self) -> ActionResult:
        result = self.backend.get_auto_merging_preview(
            domain_name=self._get_param("DomainName"),
            consolidation=self._get_param("Consolidation"),
            conflict_resolution=self._get_param("ConflictResolution"),
            min_allowed_confidence_score_for_merging=self._get_param(
                "MinAllowedConfidenceScoreForMerging"
            ),
        )
        return ActionResult(result)

    def get_identity_resolution_job(self) -> ActionResult:
        job = self.backend.get_identity_resolution_job(
            domain_name=self._get_param("DomainName"),
            job_id=self._get_param("JobId"),
        )
        return ActionResult(job)

    def list_identity_resolution_jobs(self) -> ActionResult:
        page = self.backend.list_identity_resolution_jobs(
            domain_name=self._get_param("DomainName"),
            next_token=self._get_param("NextToken"),
            max_results=self._get_param("MaxResults"),
        )
        return ActionResult(
            {"IdentityResolutionJobsList": page.items, "NextToken": page.next_token}
        )
