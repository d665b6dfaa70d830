"""CloudFormation resource types ``AWS::CustomerProfiles::*`` (see the README).

moto finds resource types among the *direct* subclasses of ``CloudFormationModel``, so
each type below is one, combined with ``StackResource``, which does the work from the
type's ``ResourceType`` description (read from AWS's resource schemas: primary
identifier, createOnly properties, the attributes of ``Fn::GetAtt``).

An instance stands for one resource of one stack: it keeps the resource's identifier and
properties; ``Fn::GetAtt`` reads the live resource. Every create, update and delete goes
through the backend's own operations, after the request is checked against the botocore
model exactly as a request to the API is, so every rule applies once.

A new type (``AWS::CustomerProfiles::CalculatedAttributeDefinition``, for one) is a
``ResourceType`` (its schema's identifier, createOnly properties and attributes, and
its operations) and a class like those at the end of this module::

    class SegmentDefinition(StackResource, CloudFormationModel):
        TYPE = SEGMENT_DEFINITION

Importing this module imports nothing of moto's CloudFormation (that loads most of
moto); its exceptions and stacks are imported when a stack is being processed.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from botocore.model import StructureShape
from moto.core.common_models import CloudFormationModel
from moto.core.utils import (
    camelcase_to_underscores,
    get_service_model,
    iso_8601_datetime_with_milliseconds,
)

from .exceptions import CustomerProfilesException, ResourceNotFoundException
from .models import CustomerProfilesBackend, customerprofiles_backends
from .protocol.validation import RequestValidationError, _Validator

SERVICE_NAME = "customer-profiles"
Properties = dict[str, Any]
Attribute = Callable[[Any], Any]
log = logging.getLogger(__name__)


# --- converting CloudFormation properties to API requests -----------------------------


def _tags(value: Any) -> Any:
    """A CloudFormation Tags list ([{Key, Value}]) as the API's map; anything else is
    left for the request check to refuse."""
    return _pairs(value, "Key", "Value")


def _pairs(value: Any, key: str, item: str) -> Any:
    if not isinstance(value, list) or not all(
        isinstance(pair, dict) and isinstance(pair.get(key), str) for pair in value
    ):
        return value
    return {pair[key]: pair.get(item) for pair in value}


def _same(properties: Properties) -> Properties:
    request = dict(properties)
    if "Tags" in request:
        request["Tags"] = _tags(request["Tags"])
    return request


def _domain_request(properties: Properties) -> Properties:
    request = _same(properties)
    matching = request.get("RuleBasedMatching")
    if isinstance(matching, dict):  # Status is read-only in the schema
        request["RuleBasedMatching"] = {
            k: v for k, v in matching.items() if k != "Status"
        }
    return request


def _object_type_request(properties: Properties) -> Properties:
    """Fields [{Name, ObjectTypeField}] and Keys [{Name, ObjectTypeKeyList}] as maps."""
    request = _same(properties)
    if "Fields" in request:
        request["Fields"] = _pairs(request["Fields"], "Name", "ObjectTypeField")
    if "Keys" in request:
        request["Keys"] = _pairs(request["Keys"], "Name", "ObjectTypeKeyList")
    return request


def _integration_request(properties: Properties) -> Properties:
    """ObjectTypeNames [{Key, Value}] and each task's TaskProperties
    [{OperatorPropertyKey, Property}] as maps."""
    request = _same(properties)
    if "ObjectTypeNames" in request:
        request["ObjectTypeNames"] = _pairs(request["ObjectTypeNames"], "Key", "Value")
    flow = request.get("FlowDefinition")
    if isinstance(flow, dict) and isinstance(flow.get("Tasks"), list):
        tasks = [
            {
                **task,
                "TaskProperties": _pairs(
                    task["TaskProperties"], "OperatorPropertyKey", "Property"
                ),
            }
            if isinstance(task, dict) and "TaskProperties" in task
            else task
            for task in flow["Tasks"]
        ]
        request["FlowDefinition"] = {**flow, "Tasks": tasks}
    return request


# --- the attributes of Fn::GetAtt -----------------------------------------------------


def _time(name: str) -> Attribute:
    def read(resource: Any) -> str | None:
        moment = getattr(resource, name, None)
        return (
            iso_8601_datetime_with_milliseconds(moment)
            if isinstance(moment, datetime)
            else None
        )

    return read


def _attr(name: str) -> Attribute:
    return lambda resource: getattr(resource, name, None)


def _item(name: str, key: str) -> Attribute:
    def read(resource: Any) -> Any:
        value = getattr(resource, name, None)
        return value.get(key) if isinstance(value, dict) else None

    return read


TIMESTAMPS: dict[str, Attribute] = {
    "CreatedAt": _time("created_at"),
    "LastUpdatedAt": _time("last_updated_at"),
}


@dataclass(frozen=True)
class ResourceType:
    """One CloudFormation resource type, as its AWS resource schema describes it."""

    type_name: str
    # /properties/... of the schema's primaryIdentifier: also the API members that name
    # the resource in its Get and Delete operations. Ref joins them with "|".
    identifier: tuple[str, ...]
    create_only: frozenset[str]
    create: str  # botocore operation names
    get: str
    delete: str
    # None: only Tags can change in place (AWS offers no update of the rest).
    update: str | None
    to_request: Callable[[Properties], Properties] = _same
    attributes: Mapping[str, Attribute] = field(default_factory=dict)
    # Properties cleared by an empty string when they are left out of an update.
    cleared_by_empty: tuple[str, ...] = ()

    @property
    def name_property(self) -> str:
        return self.identifier[-1]


DOMAIN = ResourceType(
    type_name="AWS::CustomerProfiles::Domain",
    identifier=("DomainName",),
    create_only=frozenset({"DomainName"}),
    create="CreateDomain",
    get="GetDomain",
    delete="DeleteDomain",
    update="UpdateDomain",
    to_request=_domain_request,
    attributes={
        **TIMESTAMPS,
        "Stats": _attr("stats"),
        **{
            f"Stats.{key}": _item("stats", key)
            for key in ("MeteringProfileCount", "ObjectCount", "ProfileCount")
        },
        "Stats.TotalSize": _item("stats", "TotalSize"),
        "RuleBasedMatching.Status": _item("rule_based_matching", "Status"),
    },
    cleared_by_empty=("DefaultEncryptionKey", "DeadLetterQueueUrl"),
)
OBJECT_TYPE = ResourceType(
    type_name="AWS::CustomerProfiles::ObjectType",
    identifier=("DomainName", "ObjectTypeName"),
    create_only=frozenset({"DomainName", "ObjectTypeName"}),
    create="PutProfileObjectType",
    get="GetProfileObjectType",
    delete="DeleteProfileObjectType",
    update="PutProfileObjectType",
    to_request=_object_type_request,
    attributes={
        **TIMESTAMPS,
        "MaxAvailableProfileObjectCount": _attr("max_available_profile_object_count"),
    },
)
INTEGRATION = ResourceType(
    type_name="AWS::CustomerProfiles::Integration",
    identifier=("DomainName", "Uri"),
    create_only=frozenset({"DomainName", "Uri"}),
    create="PutIntegration",
    get="GetIntegration",
    delete="DeleteIntegration",
    update="PutIntegration",
    to_request=_integration_request,
    attributes=TIMESTAMPS,
)
EVENT_TRIGGER = ResourceType(
    type_name="AWS::CustomerProfiles::EventTrigger",
    identifier=("DomainName", "EventTriggerName"),
    create_only=frozenset({"DomainName", "EventTriggerName"}),
    create="CreateEventTrigger",
    get="GetEventTrigger",
    delete="DeleteEventTrigger",
    update="UpdateEventTrigger",
    attributes=TIMESTAMPS,
)
EVENT_STREAM = ResourceType(
    type_name="AWS::CustomerProfiles::EventStream",
    identifier=("DomainName", "EventStreamName"),
    create_only=frozenset({"DomainName", "EventStreamName", "Uri"}),
    create="CreateEventStream",
    get="GetEventStream",
    delete="DeleteEventStream",
    update=None,
    attributes={
        "CreatedAt": _time("created_at"),
        "EventStreamArn": _attr("event_stream_arn"),
        "State": _attr("state"),
        "DestinationDetails": _attr("destination_details"),
        "DestinationDetails.Uri": _item("destination_details", "Uri"),
        "DestinationDetails.Status": _item("destination_details", "Status"),
    },
)
SEGMENT_DEFINITION = ResourceType(
    type_name="AWS::CustomerProfiles::SegmentDefinition",
    identifier=("DomainName", "SegmentDefinitionName"),
    create_only=frozenset(
        {
            "DomainName",
            "SegmentDefinitionName",
            "DisplayName",
            "SegmentGroups",
            "SegmentSqlQuery",
            "SegmentSort",
        }
    ),
    create="CreateSegmentDefinition",
    get="GetSegmentDefinition",
    delete="DeleteSegmentDefinition",
    update=None,
    attributes={
        "CreatedAt": _time("created_at"),
        "SegmentDefinitionArn": _attr("segment_definition_arn"),
    },
)
CALCULATED_ATTRIBUTE_DEFINITION = ResourceType(
    type_name="AWS::CustomerProfiles::CalculatedAttributeDefinition",
    identifier=("DomainName", "CalculatedAttributeName"),
    create_only=frozenset({"DomainName", "CalculatedAttributeName"}),
    create="CreateCalculatedAttributeDefinition",
    get="GetCalculatedAttributeDefinition",
    delete="DeleteCalculatedAttributeDefinition",
    # Only DisplayName, Description and Conditions change in place: the operation has
    # no other members (a changed Statistic or AttributeDetails is not applied).
    update="UpdateCalculatedAttributeDefinition",
    attributes=TIMESTAMPS,
)


# --- calling the backend as a request would ------------------------------------------


def _backend(account_id: str, region_name: str) -> CustomerProfilesBackend:
    return customerprofiles_backends[account_id][region_name]


def _accepted(method: Callable[..., Any]) -> frozenset[str] | None:
    parameters = inspect.signature(method).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return None
    return frozenset(p.name for p in parameters)


def call_operation(
    backend: CustomerProfilesBackend, operation_name: str, request: Properties
) -> Any:
    """Check ``request`` against the operation's input shape, then run the operation.

    Members the operation does not have are not passed on; raises the API's errors.
    """
    operation = get_service_model(SERVICE_NAME).operation_model(operation_name)
    shape = operation.input_shape
    assert isinstance(shape, StructureShape)
    request = {k: v for k, v in request.items() if k in shape.members}
    validator = _Validator()
    validator.check(shape, request, "")
    if validator.count:
        raise RequestValidationError(validator.problems, validator.count)
    method = getattr(backend, camelcase_to_underscores(operation_name))
    accepted = _accepted(method)
    kwargs = {
        name: value
        for name, value in (
            (camelcase_to_underscores(k), v) for k, v in request.items()
        )
        if accepted is None or name in accepted
    }
    with backend.lock:
        return method(**kwargs)


def _cloudformation_error(error: CustomerProfilesException) -> Exception:
    """The error CloudFormation reports for a failed handler (moto's ValidationError)."""
    from moto.cloudformation.exceptions import ValidationError

    handler_code = (
        "NotFound" if isinstance(error, ResourceNotFoundException) else "InvalidRequest"
    )
    return ValidationError(
        message=f'Resource handler returned message: "{error.message}" '
        f"(HandlerErrorCode: {handler_code})"
    )


def _plain_error(message: str) -> Exception:
    from moto.cloudformation.exceptions import ValidationError

    return ValidationError(message=message)


def _roll_back(stack_id: str, account_id: str, region_name: str, reason: str) -> None:
    """Delete what the stack has created so far, as CloudFormation's rollback does, and
    leave it ROLLBACK_COMPLETE.

    moto creates a stack's resources in the CreateStack call and has no rollback of its
    own: the failure is then answered to CreateStack.
    """
    from moto.cloudformation.models import cloudformation_backends

    stack = cloudformation_backends[account_id][region_name].stacks.get(stack_id)
    if stack is None:
        return
    resource_map = stack.resource_map
    stack._add_stack_event("ROLLBACK_IN_PROGRESS", resource_status_reason=reason)
    # Parsed resources include the pseudo parameters (AWS::StackName, ...): only the
    # template's resources are deleted, newest first.
    created = [
        (logical_id, resource)
        for logical_id, resource in resource_map._parsed_resources.items()
        if logical_id in resource_map._resource_json_map
    ]
    for logical_id, resource in reversed(created):
        del resource_map._parsed_resources[logical_id]
        if resource is None or isinstance(resource, str):
            continue
        try:
            resource_map._delete_resource(
                resource, resource_map._resource_json_map[logical_id]
            )
        except Exception:  # best effort: what cannot be deleted is left, as in AWS
            log.warning("Rollback could not delete %s", logical_id, exc_info=True)
    # Nothing is left to create: moto would otherwise create the template's resources
    # again when the stack's resources are next listed.
    resource_map._resource_json_map = {}
    stack.status = "ROLLBACK_COMPLETE"
    stack._add_stack_event("ROLLBACK_COMPLETE")


# --- the resource types ---------------------------------------------------------------


class StackResource:
    """What every AWS::CustomerProfiles type does; ``TYPE`` says how."""

    TYPE: ClassVar[ResourceType]

    @classmethod
    def cloudformation_type(cls) -> str:
        return cls.TYPE.type_name

    def __init__(
        self,
        account_id: str,
        region_name: str,
        identifier: dict[str, str],
        properties: Properties,
    ) -> None:
        self.account_id = account_id
        self.region_name = region_name
        self.identifier = identifier
        self.properties = properties

    # --- what moto's CloudFormation asks of a model ---

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""  # every name is a required property: moto generates none

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.TYPE.attributes

    @property
    def physical_resource_id(self) -> str:
        """What Ref returns: the primary identifier, its parts joined with "|"."""
        return "|".join(self.identifier[name] for name in self.TYPE.identifier)

    def is_created(self) -> bool:
        return True

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name not in self.TYPE.attributes:
            from moto.cloudformation.exceptions import (
                UnformattedGetAttTemplateException,
            )

            raise UnformattedGetAttTemplateException()
        backend = _backend(self.account_id, self.region_name)
        try:
            with backend.lock:
                resource = call_operation(backend, self.TYPE.get, dict(self.identifier))
                return self.TYPE.attributes[attribute_name](resource)
        except CustomerProfilesException:  # the resource is gone
            return None

    @classmethod
    def create_from_cloudformation_json(
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        properties = _properties(cloudformation_json)
        try:
            return cls._create(account_id, region_name, properties)
        except CustomerProfilesException as error:
            failure = _cloudformation_error(error)
            stack_id = kwargs.get("StackId")
            if stack_id:
                _roll_back(
                    stack_id,
                    account_id,
                    region_name,
                    f"The following resource(s) failed to create: "
                    f"[{kwargs.get('LogicalId')}]. {failure}",
                )
            raise failure from None

    @classmethod
    def update_from_cloudformation_json(
        cls,
        original_resource: Any,
        new_resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> Any:
        """A createOnly property that changes replaces the resource (the new one is
        created, then the old one deleted); a custom name that stays the same cannot be
        replaced, as in AWS."""
        properties = _properties(cloudformation_json)
        old: StackResource = original_resource
        changed = {
            name
            for name in properties.keys() | old.properties.keys()
            if properties.get(name) != old.properties.get(name)
        }
        try:
            if changed & cls.TYPE.create_only:
                request = cls.TYPE.to_request(properties)
                if all(
                    request.get(name) == old.identifier[name]
                    for name in cls.TYPE.identifier
                ):
                    raise _plain_error(
                        "CloudFormation cannot update a stack when a custom-named "
                        "resource requires replacing. Rename "
                        f"{old.physical_resource_id} and update the stack again."
                    )
                new = cls._create(account_id, region_name, properties)
                old.delete(account_id, region_name)
                return new
            return cls._update(old, properties, changed)
        except CustomerProfilesException as error:
            raise _cloudformation_error(error) from None

    @classmethod
    def delete_from_cloudformation_json(
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> None:
        names = resource_name.split("|")
        identifier = dict(zip(cls.TYPE.identifier, names, strict=False))
        cls(account_id, region_name, identifier, {}).delete(account_id, region_name)

    def delete(self, account_id: str, region_name: str) -> None:
        """A resource already gone (its domain was deleted, say) counts as deleted."""
        backend = _backend(account_id, region_name)
        try:
            call_operation(backend, self.TYPE.delete, dict(self.identifier))
        except ResourceNotFoundException:
            pass
        except CustomerProfilesException as error:
            raise _cloudformation_error(error) from None

    # --- the work, through the backend's operations ---

    @classmethod
    def _create(
        cls, account_id: str, region_name: str, properties: Properties
    ) -> StackResource:
        backend = _backend(account_id, region_name)
        request = cls.TYPE.to_request(properties)
        with backend.lock:
            model = call_operation(backend, cls.TYPE.create, request)
        identifier = {
            name: request.get(name) or getattr(model, camelcase_to_underscores(name))
            for name in cls.TYPE.identifier
        }
        return cls(account_id, region_name, identifier, properties)

    @classmethod
    def _update(
        cls, old: StackResource, properties: Properties, changed: set[str]
    ) -> StackResource:
        backend = _backend(old.account_id, old.region_name)
        request = cls.TYPE.to_request(properties)
        with backend.lock:
            resource = call_operation(backend, cls.TYPE.get, dict(old.identifier))
            if changed - {"Tags"} and cls.TYPE.update is not None:
                update = {k: v for k, v in request.items() if k != "Tags"}
                for name in cls.TYPE.cleared_by_empty:
                    update.setdefault(name, "")
                update.update(old.identifier)
                call_operation(backend, cls.TYPE.update, update)
            if "Tags" in changed:
                _replace_tags(backend, resource.arn, request.get("Tags"))
        return cls(old.account_id, old.region_name, dict(old.identifier), properties)


def _properties(cloudformation_json: dict[str, Any]) -> Properties:
    properties = cloudformation_json.get("Properties")
    return dict(properties) if isinstance(properties, dict) else {}


def _replace_tags(backend: CustomerProfilesBackend, arn: str, tags: Any) -> None:
    """Make the resource's tags the template's, through the tagging operations."""
    wanted = tags if tags is not None else {}
    if not isinstance(wanted, dict):  # refused by the check, as a request would be
        call_operation(backend, "TagResource", {"resourceArn": arn, "tags": wanted})
        return
    if wanted:
        call_operation(backend, "TagResource", {"resourceArn": arn, "tags": wanted})
    current = backend.list_tags_for_resource(arn)
    removed = [key for key in current if key not in wanted]
    if removed:
        call_operation(
            backend, "UntagResource", {"resourceArn": arn, "tagKeys": removed}
        )


class Domain(StackResource, CloudFormationModel):
    TYPE = DOMAIN


class ObjectType(StackResource, CloudFormationModel):
    TYPE = OBJECT_TYPE


class Integration(StackResource, CloudFormationModel):
    TYPE = INTEGRATION


class EventTrigger(StackResource, CloudFormationModel):
    TYPE = EVENT_TRIGGER


class EventStream(StackResource, CloudFormationModel):
    TYPE = EVENT_STREAM


class SegmentDefinition(StackResource, CloudFormationModel):
    TYPE = SEGMENT_DEFINITION


class CalculatedAttributeDefinition(StackResource, CloudFormationModel):
    TYPE = CALCULATED_ATTRIBUTE_DEFINITION
