"""Profile object type templates for the mock: ListProfileObjectTypeTemplates,
GetProfileObjectTypeTemplate and the implicit object types named after them.

Each value of ``TEMPLATES`` is shaped like botocore's GetProfileObjectTypeTemplateResponse
(customer-profiles 2020-08-15): TemplateId, SourceName, SourceObject, AllowProfileCreation,
Fields {name: {Source, Target, ContentType}} and Keys {name: [{StandardIdentifiers,
FieldNames}]}. SourceLastUpdatedTimestampFormat, StoreOnly, DefaultMaxProfileObjectCount and
DefaultMaxProfileObjectCountEffectiveAfter are left out of every entry: no source gives them
for any template, so the mock omits them from its responses (all are optional in the model).

No AWS source publishes the Fields/Keys JSON of any template, so every entry is
RECONSTRUCTED; ``RECONSTRUCTED`` names them all, and a template published verbatim later
should be taken out of it. Sources:

* Template IDs. [BC] botocore GetProfileObjectTypeTemplate doc ("Salesforce-Account",
  "Salesforce-Contact"); Connect admin guide "Contact record templates"
  (ctr-contact-record-template.html: CTR, CTR-NoInferred, CTR-AutoAssociateOnly) and
  "Mapping templates and implicit object types" (templates exist for contact records and for
  Salesforce, ServiceNow, Marketo and Zendesk; "For the complete, current list, use the
  ListProfileObjectTypeTemplates API"); the archived admin guide
  (github:awsdocs/amazon-connect-admin-guide, doc_source/mapping-*.md @3d55bca / c746a05),
  whose pages end "use ListProfileObjects ... with the ObjectTypeName set to <ID>": Salesforce-
  Account, Salesforce-Contact (mapping-salesforce-objects.md), Salesforce-Asset
  (mapping-salesforce-objects-to-asset.md), Zendesk-users (mapping-zendesk-objects.md),
  Zendesk-tickets (mapping-zendesk-objects-case.md), Marketo-leads
  (mapping-marketo-objects.md), Servicenow-sys_user (mapping-servicenow-objects.md),
  Servicenow-task and Servicenow-incident (mapping-servicenow-objects-standard-case.md),
  Segment-Identify (mapping-segment-objects.md), Shopify-Customer (mapping-shopify-objects.md),
  Shopify-Order and Shopify-DraftOrder (mapping-shopify-objects-standard-order.html.md).
  AWS spells the ServiceNow IDs "Servicenow-"; the standard-object templates (_asset, _case,
  _order, ...) are not listed because AWS names no template ID for them.
* Fields. One field per row of each page's "source field -> standard ... target field" table,
  named after the source field ([] dropped: field names match ^[a-zA-Z0-9_.-]+$;
  a field a key names has its dots made underscores, since ObjectTypeKey.FieldNames
  entries match ^[a-zA-Z0-9_-]+$). Source is
  ``_source.<source field>``; for Segment and Shopify (delivered through EventBridge) it is
  ``_source.detail.event.detail.<field>`` and ``_source.detail.event.detail.payload.<field>``,
  the prefixes of those pages' own examples. Target is ``_profile.<target>``, or ``_asset.``,
  ``_case.``, ``_order.`` for the asset/case/order pages (``_order.Attributes.ShopifyOrderId``
  is the Shopify page's example). ContentType is inferred: PHONE_NUMBER / EMAIL_ADDRESS / NAME
  for phone, email and name targets, STRING otherwise.
* Keys. The pages' "Standard Index Name" tables give the key names and source fields; the
  StandardIdentifiers are inferred: the object's own ID key is [PROFILE, UNIQUE] (or [ASSET |
  CASE | ORDER, UNIQUE]), every other index is [PROFILE].
* AllowProfileCreation is inferred: True for the templates that map onto the standard
  profile, False for asset, case and order templates; for the CTR templates it follows the
  admin guide (CTR and CTR-NoInferred create an inferred profile, CTR-AutoAssociateOnly
  "doesn't create an inferred profile").
* SourceName / SourceObject are inferred from the API reference sample ("SourceObject":
  "Account" for Salesforce-Account): vendor and object.

Departures from the pages, where a page contradicts itself:
* Salesforce-Contact: the field list says "Accountd"; the table and key say AccountId.
* Marketo-leads: the table's "dataOfBirth" is the field list's dateOfBirth; its duplicated
  mobilePhone row is kept once.
* Zendesk-tickets: the rows Price, Quantity, Description (copied from the asset page; not
  Zendesk ticket fields) are dropped; requester_id feeds both Attributes.ZendeskUserId and
  CreatedBy (field "created_by").
* Servicenow-task: the table's "status" is the field list's ``state``; the key's
  "open_by.link" is the table's opened_by.link.
* Servicenow-incident: the targets "Attributes_ServiceNowIncidentId" /
  "Attributes_ServiceNowSystemUserId" are read as Attributes.<name>; "incident_status" is the
  field list's incident_state.
* Shopify-Order / -DraftOrder: the pages list only the _shopifyOrderId index; a
  _shopifyCustomerId [PROFILE] key on customer.id is added so an order can attach to a profile
  (inferred). StatusCode is documented as derived ("ACTIVATED if order_status_url exists ...
  Otherwise DRAFT"); the field maps order_status_url as given.
* CTR templates: no field table exists. ContactId gives the _ctrContactId key ("The contact
  event's identifier is provided as the _ctrContactId key"); CustomerEndpoint.Address (the
  contact record's customer phone) is a PHONE_NUMBER field with no Target, since the admin
  guide's inferred-profiles page says a PHONE_NUMBER field populates PhoneNumber of an
  inferred profile "even if the fields do not have a target defined". CTR-NoInferred and
  CTR-AutoAssociateOnly add the "secondary _phone key" as SECONDARY; CTR "relies solely on
  the _ctrContactId key".
"""

from typing import Any

TEMPLATES: dict[str, dict[str, Any]] = {
    "CTR": {
        "TemplateId": "CTR",
        "SourceName": "Connect",
        "SourceObject": "CTR",
        "AllowProfileCreation": True,
        "Fields": {
            "ContactId": {
                "Source": "_source.ContactId",
                "ContentType": "STRING",
            },
            "CustomerPhoneNumber": {
                "Source": "_source.CustomerEndpoint.Address",
                "ContentType": "PHONE_NUMBER",
            },
        },
        "Keys": {
            "_ctrContactId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "ContactId",
                    ],
                },
            ],
        },
    },
    "CTR-AutoAssociateOnly": {
        "TemplateId": "CTR-AutoAssociateOnly",
        "SourceName": "Connect",
        "SourceObject": "CTR",
        "AllowProfileCreation": False,
        "Fields": {
            "ContactId": {
                "Source": "_source.ContactId",
                "ContentType": "STRING",
            },
            "CustomerPhoneNumber": {
                "Source": "_source.CustomerEndpoint.Address",
                "ContentType": "PHONE_NUMBER",
            },
        },
        "Keys": {
            "_ctrContactId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "ContactId",
                    ],
                },
            ],
            "_phone": [
                {
                    "StandardIdentifiers": [
                        "SECONDARY",
                    ],
                    "FieldNames": [
                        "CustomerPhoneNumber",
                    ],
                },
            ],
        },
    },
    "CTR-NoInferred": {
        "TemplateId": "CTR-NoInferred",
        "SourceName": "Connect",
        "SourceObject": "CTR",
        "AllowProfileCreation": True,
        "Fields": {
            "ContactId": {
                "Source": "_source.ContactId",
                "ContentType": "STRING",
            },
            "CustomerPhoneNumber": {
                "Source": "_source.CustomerEndpoint.Address",
                "ContentType": "PHONE_NUMBER",
            },
        },
        "Keys": {
            "_ctrContactId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "ContactId",
                    ],
                },
            ],
            "_phone": [
                {
                    "StandardIdentifiers": [
                        "SECONDARY",
                    ],
                    "FieldNames": [
                        "CustomerPhoneNumber",
                    ],
                },
            ],
        },
    },
    "Marketo-leads": {
        "TemplateId": "Marketo-leads",
        "SourceName": "Marketo",
        "SourceObject": "leads",
        "AllowProfileCreation": True,
        "Fields": {
            "id": {
                "Source": "_source.id",
                "Target": "_profile.Attributes.MarketoLeadId",
                "ContentType": "STRING",
            },
            "sfdcAccountId": {
                "Source": "_source.sfdcAccountId",
                "Target": "_profile.Attributes.sfdcAccountId",
                "ContentType": "STRING",
            },
            "sfdcContactId": {
                "Source": "_source.sfdcContactId",
                "Target": "_profile.Attributes.sfdcContactId",
                "ContentType": "STRING",
            },
            "firstName": {
                "Source": "_source.firstName",
                "Target": "_profile.FirstName",
                "ContentType": "NAME",
            },
            "lastName": {
                "Source": "_source.lastName",
                "Target": "_profile.LastName",
                "ContentType": "NAME",
            },
            "middleName": {
                "Source": "_source.middleName",
                "Target": "_profile.MiddleName",
                "ContentType": "NAME",
            },
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "phone": {
                "Source": "_source.phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "mobilePhone": {
                "Source": "_source.mobilePhone",
                "Target": "_profile.MobilePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "billingStreet": {
                "Source": "_source.billingStreet",
                "Target": "_profile.BillingAddress.Address1",
                "ContentType": "STRING",
            },
            "billingCity": {
                "Source": "_source.billingCity",
                "Target": "_profile.BillingAddress.City",
                "ContentType": "STRING",
            },
            "billingState": {
                "Source": "_source.billingState",
                "Target": "_profile.BillingAddress.State",
                "ContentType": "STRING",
            },
            "billingCountry": {
                "Source": "_source.billingCountry",
                "Target": "_profile.BillingAddress.Country",
                "ContentType": "STRING",
            },
            "billingPostalCode": {
                "Source": "_source.billingPostalCode",
                "Target": "_profile.BillingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "address": {
                "Source": "_source.address",
                "Target": "_profile.Address.Address1",
                "ContentType": "STRING",
            },
            "city": {
                "Source": "_source.city",
                "Target": "_profile.Address.City",
                "ContentType": "STRING",
            },
            "state": {
                "Source": "_source.state",
                "Target": "_profile.Address.State",
                "ContentType": "STRING",
            },
            "country": {
                "Source": "_source.country",
                "Target": "_profile.Address.Country",
                "ContentType": "STRING",
            },
            "postalcode": {
                "Source": "_source.postalcode",
                "Target": "_profile.Address.PostalCode",
                "ContentType": "STRING",
            },
            "gender": {
                "Source": "_source.gender",
                "Target": "_profile.Gender",
                "ContentType": "STRING",
            },
            "dateOfBirth": {
                "Source": "_source.dateOfBirth",
                "Target": "_profile.BirthDate",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_marketoLeadId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "id",
                    ],
                },
            ],
            "_salesforceAccountId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "sfdcAccountId",
                    ],
                },
            ],
            "_salesforceContactId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "sfdcContactId",
                    ],
                },
            ],
        },
    },
    "Salesforce-Account": {
        "TemplateId": "Salesforce-Account",
        "SourceName": "Salesforce",
        "SourceObject": "Account",
        "AllowProfileCreation": True,
        "Fields": {
            "Id": {
                "Source": "_source.Id",
                "Target": "_profile.Attributes.sfdcAccountId",
                "ContentType": "STRING",
            },
            "Name": {
                "Source": "_source.Name",
                "Target": "_profile.BusinessName",
                "ContentType": "STRING",
            },
            "Phone": {
                "Source": "_source.Phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "BillingStreet": {
                "Source": "_source.BillingStreet",
                "Target": "_profile.BillingAddress.Address1",
                "ContentType": "STRING",
            },
            "BillingCity": {
                "Source": "_source.BillingCity",
                "Target": "_profile.BillingAddress.City",
                "ContentType": "STRING",
            },
            "BillingState": {
                "Source": "_source.BillingState",
                "Target": "_profile.BillingAddress.State",
                "ContentType": "STRING",
            },
            "BillingCountry": {
                "Source": "_source.BillingCountry",
                "Target": "_profile.BillingAddress.Country",
                "ContentType": "STRING",
            },
            "BillingPostalCode": {
                "Source": "_source.BillingPostalCode",
                "Target": "_profile.BillingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "ShippingStreet": {
                "Source": "_source.ShippingStreet",
                "Target": "_profile.ShippingAddress.Address1",
                "ContentType": "STRING",
            },
            "ShippingCity": {
                "Source": "_source.ShippingCity",
                "Target": "_profile.ShippingAddress.City",
                "ContentType": "STRING",
            },
            "ShippingState": {
                "Source": "_source.ShippingState",
                "Target": "_profile.ShippingAddress.State",
                "ContentType": "STRING",
            },
            "ShippingCountry": {
                "Source": "_source.ShippingCountry",
                "Target": "_profile.ShippingAddress.Country",
                "ContentType": "STRING",
            },
            "ShippingPostalCode": {
                "Source": "_source.ShippingPostalCode",
                "Target": "_profile.ShippingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "IsPersonAccount": {
                "Source": "_source.IsPersonAccount",
                "Target": "_profile.PartyType",
                "ContentType": "STRING",
            },
            "PersonMobilePhone": {
                "Source": "_source.PersonMobilePhone",
                "Target": "_profile.MobilePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "PersonHomePhone": {
                "Source": "_source.PersonHomePhone",
                "Target": "_profile.HomePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "PersonEmail": {
                "Source": "_source.PersonEmail",
                "Target": "_profile.PersonalEmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "PersonMailingAddress.Street": {
                "Source": "_source.PersonMailingAddress.Street",
                "Target": "_profile.MailingAddress.Address1",
                "ContentType": "STRING",
            },
            "PersonMailingAddress.City": {
                "Source": "_source.PersonMailingAddress.City",
                "Target": "_profile.MailingAddress.City",
                "ContentType": "STRING",
            },
            "PersonMailingAddress.State": {
                "Source": "_source.PersonMailingAddress.State",
                "Target": "_profile.MailingAddress.State",
                "ContentType": "STRING",
            },
            "PersonMailingAddress.Country": {
                "Source": "_source.PersonMailingAddress.Country",
                "Target": "_profile.MailingAddress.Country",
                "ContentType": "STRING",
            },
            "PersonMailingAddress.PostalCode": {
                "Source": "_source.PersonMailingAddress.PostalCode",
                "Target": "_profile.MailingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "PersonBirthDate": {
                "Source": "_source.PersonBirthDate",
                "Target": "_profile.BirthDate",
                "ContentType": "STRING",
            },
            "PersonOtherStreet": {
                "Source": "_source.PersonOtherStreet",
                "Target": "_profile.Address.Address1",
                "ContentType": "STRING",
            },
            "PersonOtherCity": {
                "Source": "_source.PersonOtherCity",
                "Target": "_profile.Address.City",
                "ContentType": "STRING",
            },
            "PersonOtherState": {
                "Source": "_source.PersonOtherState",
                "Target": "_profile.Address.State",
                "ContentType": "STRING",
            },
            "PersonOtherCountry": {
                "Source": "_source.PersonOtherCountry",
                "Target": "_profile.Address.Country",
                "ContentType": "STRING",
            },
            "PersonOtherPostalCode": {
                "Source": "_source.PersonOtherPostalCode",
                "Target": "_profile.Address.PostalCode",
                "ContentType": "STRING",
            },
            "FirstName": {
                "Source": "_source.FirstName",
                "Target": "_profile.FirstName",
                "ContentType": "NAME",
            },
            "LastName": {
                "Source": "_source.LastName",
                "Target": "_profile.LastName",
                "ContentType": "NAME",
            },
            "MiddleName": {
                "Source": "_source.MiddleName",
                "Target": "_profile.MiddleName",
                "ContentType": "NAME",
            },
            "AccountNumber": {
                "Source": "_source.AccountNumber",
                "Target": "_profile.AccountNumber",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_salesforceAccountId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "Id",
                    ],
                },
            ],
        },
    },
    "Salesforce-Asset": {
        "TemplateId": "Salesforce-Asset",
        "SourceName": "Salesforce",
        "SourceObject": "Asset",
        "AllowProfileCreation": False,
        "Fields": {
            "Id": {
                "Source": "_source.Id",
                "Target": "_asset.Attributes.sfdcAssetId",
                "ContentType": "STRING",
            },
            "ContactId": {
                "Source": "_source.ContactId",
                "Target": "_asset.Attributes.sfdcContactId",
                "ContentType": "STRING",
            },
            "AccountId": {
                "Source": "_source.AccountId",
                "Target": "_asset.Attributes.sfdcAccountId",
                "ContentType": "STRING",
            },
            "SerialNumber": {
                "Source": "_source.SerialNumber",
                "Target": "_asset.SerialNumber",
                "ContentType": "STRING",
            },
            "StockKeepingUnit": {
                "Source": "_source.StockKeepingUnit",
                "Target": "_asset.ProductSKU",
                "ContentType": "STRING",
            },
            "UsageEndDate": {
                "Source": "_source.UsageEndDate",
                "Target": "_asset.UsageEndDate",
                "ContentType": "STRING",
            },
            "Status": {
                "Source": "_source.Status",
                "Target": "_asset.Status",
                "ContentType": "STRING",
            },
            "Price": {
                "Source": "_source.Price",
                "Target": "_asset.Price",
                "ContentType": "STRING",
            },
            "Quantity": {
                "Source": "_source.Quantity",
                "Target": "_asset.Quantity",
                "ContentType": "STRING",
            },
            "Description": {
                "Source": "_source.Description",
                "Target": "_asset.Description",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_salesforceAssetId": [
                {
                    "StandardIdentifiers": [
                        "ASSET",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "Id",
                    ],
                },
            ],
            "_salesforceContactId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "ContactId",
                    ],
                },
            ],
            "_salesforceAccountId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "AccountId",
                    ],
                },
            ],
        },
    },
    "Salesforce-Contact": {
        "TemplateId": "Salesforce-Contact",
        "SourceName": "Salesforce",
        "SourceObject": "Contact",
        "AllowProfileCreation": True,
        "Fields": {
            "Id": {
                "Source": "_source.Id",
                "Target": "_profile.Attributes.sfdcContactId",
                "ContentType": "STRING",
            },
            "AccountId": {
                "Source": "_source.AccountId",
                "Target": "_profile.Attributes.sfdcAccountId",
                "ContentType": "STRING",
            },
            "LastName": {
                "Source": "_source.LastName",
                "Target": "_profile.LastName",
                "ContentType": "NAME",
            },
            "FirstName": {
                "Source": "_source.FirstName",
                "Target": "_profile.FirstName",
                "ContentType": "NAME",
            },
            "MiddleName": {
                "Source": "_source.MiddleName",
                "Target": "_profile.MiddleName",
                "ContentType": "NAME",
            },
            "OtherStreet": {
                "Source": "_source.OtherStreet",
                "Target": "_profile.Address.Address1",
                "ContentType": "STRING",
            },
            "OtherCity": {
                "Source": "_source.OtherCity",
                "Target": "_profile.Address.City",
                "ContentType": "STRING",
            },
            "OtherState": {
                "Source": "_source.OtherState",
                "Target": "_profile.Address.State",
                "ContentType": "STRING",
            },
            "OtherCountry": {
                "Source": "_source.OtherCountry",
                "Target": "_profile.Address.Country",
                "ContentType": "STRING",
            },
            "OtherPostalCode": {
                "Source": "_source.OtherPostalCode",
                "Target": "_profile.Address.PostalCode",
                "ContentType": "STRING",
            },
            "MailingStreet": {
                "Source": "_source.MailingStreet",
                "Target": "_profile.MailingAddress.Address1",
                "ContentType": "STRING",
            },
            "MailingCity": {
                "Source": "_source.MailingCity",
                "Target": "_profile.MailingAddress.City",
                "ContentType": "STRING",
            },
            "MailingState": {
                "Source": "_source.MailingState",
                "Target": "_profile.MailingAddress.State",
                "ContentType": "STRING",
            },
            "MailingCountry": {
                "Source": "_source.MailingCountry",
                "Target": "_profile.MailingAddress.Country",
                "ContentType": "STRING",
            },
            "MailingPostalCode": {
                "Source": "_source.MailingPostalCode",
                "Target": "_profile.MailingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "Phone": {
                "Source": "_source.Phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "HomePhone": {
                "Source": "_source.HomePhone",
                "Target": "_profile.HomePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "MobilePhone": {
                "Source": "_source.MobilePhone",
                "Target": "_profile.MobilePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "Email": {
                "Source": "_source.Email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "Birthdate": {
                "Source": "_source.Birthdate",
                "Target": "_profile.BirthDate",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_salesforceContactId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "Id",
                    ],
                },
            ],
            "_salesforceAccountId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "AccountId",
                    ],
                },
            ],
        },
    },
    "Segment-Identify": {
        "TemplateId": "Segment-Identify",
        "SourceName": "Segment",
        "SourceObject": "Identify",
        "AllowProfileCreation": True,
        "Fields": {
            "userId": {
                "Source": "_source.detail.event.detail.userId",
                "Target": "_profile.Attributes.SegmentUserId",
                "ContentType": "STRING",
            },
            "traits.company.name": {
                "Source": "_source.detail.event.detail.traits.company.name",
                "Target": "_profile.BusinessName",
                "ContentType": "STRING",
            },
            "traits.firstName": {
                "Source": "_source.detail.event.detail.traits.firstName",
                "Target": "_profile.FirstName",
                "ContentType": "NAME",
            },
            "traits.lastName": {
                "Source": "_source.detail.event.detail.traits.lastName",
                "Target": "_profile.LastName",
                "ContentType": "NAME",
            },
            "traits.birthday": {
                "Source": "_source.detail.event.detail.traits.birthday",
                "Target": "_profile.BirthDate",
                "ContentType": "STRING",
            },
            "traits.gender": {
                "Source": "_source.detail.event.detail.traits.gender",
                "Target": "_profile.Gender",
                "ContentType": "STRING",
            },
            "traits.phone": {
                "Source": "_source.detail.event.detail.traits.phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "traits.email": {
                "Source": "_source.detail.event.detail.traits.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "traits.address.street": {
                "Source": "_source.detail.event.detail.traits.address.street",
                "Target": "_profile.Address.Address1",
                "ContentType": "STRING",
            },
            "traits.address.city": {
                "Source": "_source.detail.event.detail.traits.address.city",
                "Target": "_profile.Address.City",
                "ContentType": "STRING",
            },
            "traits.address.state": {
                "Source": "_source.detail.event.detail.traits.address.state",
                "Target": "_profile.Address.State",
                "ContentType": "STRING",
            },
            "traits.address.country": {
                "Source": "_source.detail.event.detail.traits.address.country",
                "Target": "_profile.Address.Country",
                "ContentType": "STRING",
            },
            "traits.address.postalCode": {
                "Source": "_source.detail.event.detail.traits.address.postalCode",
                "Target": "_profile.Address.PostalCode",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_segmentUserId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "userId",
                    ],
                },
            ],
        },
    },
    "Servicenow-incident": {
        "TemplateId": "Servicenow-incident",
        "SourceName": "Servicenow",
        "SourceObject": "incident",
        "AllowProfileCreation": False,
        "Fields": {
            "sys_id": {
                "Source": "_source.sys_id",
                "Target": "_case.Attributes.ServiceNowIncidentId",
                "ContentType": "STRING",
            },
            "caller_id_link": {
                "Source": "_source.caller_id.link",
                "Target": "_case.Attributes.ServiceNowSystemUserId",
                "ContentType": "STRING",
            },
            "incident_state": {
                "Source": "_source.incident_state",
                "Target": "_case.Status",
                "ContentType": "STRING",
            },
            "created_by": {
                "Source": "_source.caller_id.link",
                "Target": "_case.CreatedBy",
                "ContentType": "STRING",
            },
            "resolved_at": {
                "Source": "_source.resolved_at",
                "Target": "_case.ClosedDate",
                "ContentType": "STRING",
            },
            "category": {
                "Source": "_source.category",
                "Target": "_case.Reason",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_serviceNowIncidentId": [
                {
                    "StandardIdentifiers": [
                        "CASE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "sys_id",
                    ],
                },
            ],
            "_serviceNowSystemId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "caller_id_link",
                    ],
                },
            ],
        },
    },
    "Servicenow-sys_user": {
        "TemplateId": "Servicenow-sys_user",
        "SourceName": "Servicenow",
        "SourceObject": "sys_user",
        "AllowProfileCreation": True,
        "Fields": {
            "sys_id": {
                "Source": "_source.sys_id",
                "Target": "_profile.Attributes.ServiceNowSystemId",
                "ContentType": "STRING",
            },
            "first_name": {
                "Source": "_source.first_name",
                "Target": "_profile.FirstName",
                "ContentType": "NAME",
            },
            "last_name": {
                "Source": "_source.last_name",
                "Target": "_profile.LastName",
                "ContentType": "NAME",
            },
            "middle_name": {
                "Source": "_source.middle_name",
                "Target": "_profile.MiddleName",
                "ContentType": "NAME",
            },
            "gender": {
                "Source": "_source.gender",
                "Target": "_profile.Gender",
                "ContentType": "STRING",
            },
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "phone": {
                "Source": "_source.phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "home_phone": {
                "Source": "_source.home_phone",
                "Target": "_profile.HomePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "mobile_phone": {
                "Source": "_source.mobile_phone",
                "Target": "_profile.MobilePhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "street": {
                "Source": "_source.street",
                "Target": "_profile.Address.Address1",
                "ContentType": "STRING",
            },
            "city": {
                "Source": "_source.city",
                "Target": "_profile.Address.City",
                "ContentType": "STRING",
            },
            "state": {
                "Source": "_source.state",
                "Target": "_profile.Address.State",
                "ContentType": "STRING",
            },
            "country": {
                "Source": "_source.country",
                "Target": "_profile.Address.Country",
                "ContentType": "STRING",
            },
            "zip": {
                "Source": "_source.zip",
                "Target": "_profile.Address.PostalCode",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_serviceNowSystemId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "sys_id",
                    ],
                },
            ],
        },
    },
    "Servicenow-task": {
        "TemplateId": "Servicenow-task",
        "SourceName": "Servicenow",
        "SourceObject": "task",
        "AllowProfileCreation": False,
        "Fields": {
            "sys_id": {
                "Source": "_source.sys_id",
                "Target": "_case.Attributes.ServiceNowTaskId",
                "ContentType": "STRING",
            },
            "opened_by_link": {
                "Source": "_source.opened_by.link",
                "Target": "_case.Attributes.ServiceNowUserId",
                "ContentType": "STRING",
            },
            "short_description": {
                "Source": "_source.short_description",
                "Target": "_case.Title",
                "ContentType": "STRING",
            },
            "description": {
                "Source": "_source.description",
                "Target": "_case.Summary",
                "ContentType": "STRING",
            },
            "state": {
                "Source": "_source.state",
                "Target": "_case.Status",
                "ContentType": "STRING",
            },
            "sys_created_by": {
                "Source": "_source.sys_created_by",
                "Target": "_case.CreatedBy",
                "ContentType": "STRING",
            },
            "sys_created_on": {
                "Source": "_source.sys_created_on",
                "Target": "_case.CreatedDate",
                "ContentType": "STRING",
            },
            "sys_updated_on": {
                "Source": "_source.sys_updated_on",
                "Target": "_case.UpdatedDate",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_serviceNowTaskId": [
                {
                    "StandardIdentifiers": [
                        "CASE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "sys_id",
                    ],
                },
            ],
            "_serviceNowSystemId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "opened_by_link",
                    ],
                },
            ],
        },
    },
    "Shopify-Customer": {
        "TemplateId": "Shopify-Customer",
        "SourceName": "Shopify",
        "SourceObject": "Customer",
        "AllowProfileCreation": True,
        "Fields": {
            "id": {
                "Source": "_source.detail.event.detail.payload.id",
                "Target": "_profile.Attributes.ShopifyCustomerId",
                "ContentType": "STRING",
            },
            "email": {
                "Source": "_source.detail.event.detail.payload.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "first_name": {
                "Source": "_source.detail.event.detail.payload.first_name",
                "Target": "_profile.FirstName",
                "ContentType": "NAME",
            },
            "last_name": {
                "Source": "_source.detail.event.detail.payload.last_name",
                "Target": "_profile.LastName",
                "ContentType": "NAME",
            },
            "note": {
                "Source": "_source.detail.event.detail.payload.note",
                "Target": "_profile.AdditionalInformation",
                "ContentType": "STRING",
            },
            "phone": {
                "Source": "_source.detail.event.detail.payload.phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
            "default_address.address1": {
                "Source": "_source.detail.event.detail.payload.default_address.address1",
                "Target": "_profile.Address.Address1",
                "ContentType": "STRING",
            },
            "default_address.address2": {
                "Source": "_source.detail.event.detail.payload.default_address.address2",
                "Target": "_profile.Address.Address2",
                "ContentType": "STRING",
            },
            "default_address.city": {
                "Source": "_source.detail.event.detail.payload.default_address.city",
                "Target": "_profile.Address.City",
                "ContentType": "STRING",
            },
            "default_address.province": {
                "Source": "_source.detail.event.detail.payload.default_address.province",
                "Target": "_profile.Address.Province",
                "ContentType": "STRING",
            },
            "default_address.country": {
                "Source": "_source.detail.event.detail.payload.default_address.country",
                "Target": "_profile.Address.Country",
                "ContentType": "STRING",
            },
            "default_address.zip": {
                "Source": "_source.detail.event.detail.payload.default_address.zip",
                "Target": "_profile.Address.PostalCode",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_shopifyCustomerId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "id",
                    ],
                },
            ],
        },
    },
    "Shopify-DraftOrder": {
        "TemplateId": "Shopify-DraftOrder",
        "SourceName": "Shopify",
        "SourceObject": "DraftOrder",
        "AllowProfileCreation": False,
        "Fields": {
            "id": {
                "Source": "_source.detail.event.detail.payload.id",
                "Target": "_order.Attributes.ShopifyOrderId",
                "ContentType": "STRING",
            },
            "customer_id": {
                "Source": "_source.detail.event.detail.payload.customer.id",
                "Target": "_order.Attributes.ShopifyCustomerId",
                "ContentType": "STRING",
            },
            "note": {
                "Source": "_source.detail.event.detail.payload.note",
                "Target": "_order.AdditionalInformation",
                "ContentType": "STRING",
            },
            "email": {
                "Source": "_source.detail.event.detail.payload.email",
                "Target": "_order.CustomerEmail",
                "ContentType": "EMAIL_ADDRESS",
            },
            "currency": {
                "Source": "_source.detail.event.detail.payload.currency",
                "Target": "_order.Currency",
                "ContentType": "STRING",
            },
            "created_at": {
                "Source": "_source.detail.event.detail.payload.created_at",
                "Target": "_order.CreatedDate",
                "ContentType": "STRING",
            },
            "updated_at": {
                "Source": "_source.detail.event.detail.payload.updated_at",
                "Target": "_order.UpdatedDate",
                "ContentType": "STRING",
            },
            "name": {
                "Source": "_source.detail.event.detail.payload.name",
                "Target": "_order.Name",
                "ContentType": "STRING",
            },
            "status": {
                "Source": "_source.detail.event.detail.payload.status",
                "Target": "_order.Status",
                "ContentType": "STRING",
            },
            "order_status_url": {
                "Source": "_source.detail.event.detail.payload.order_status_url",
                "Target": "_order.StatusCode",
                "ContentType": "STRING",
            },
            "billing_address.address1": {
                "Source": "_source.detail.event.detail.payload.billing_address.address1",
                "Target": "_order.BillingAddress.Address1",
                "ContentType": "STRING",
            },
            "billing_address.address2": {
                "Source": "_source.detail.event.detail.payload.billing_address.address2",
                "Target": "_order.BillingAddress.Address2",
                "ContentType": "STRING",
            },
            "billing_address.city": {
                "Source": "_source.detail.event.detail.payload.billing_address.city",
                "Target": "_order.BillingAddress.City",
                "ContentType": "STRING",
            },
            "billing_address.zip": {
                "Source": "_source.detail.event.detail.payload.billing_address.zip",
                "Target": "_order.BillingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "billing_address.province": {
                "Source": "_source.detail.event.detail.payload.billing_address.province",
                "Target": "_order.BillingAddress.Province",
                "ContentType": "STRING",
            },
            "billing_address.country": {
                "Source": "_source.detail.event.detail.payload.billing_address.country",
                "Target": "_order.BillingAddress.Country",
                "ContentType": "STRING",
            },
            "billing_address.name": {
                "Source": "_source.detail.event.detail.payload.billing_address.name",
                "Target": "_order.BillingAddress.Name",
                "ContentType": "STRING",
            },
            "shipping_address.address1": {
                "Source": "_source.detail.event.detail.payload.shipping_address.address1",
                "Target": "_order.ShippingAddress.Address1",
                "ContentType": "STRING",
            },
            "shipping_address.address2": {
                "Source": "_source.detail.event.detail.payload.shipping_address.address2",
                "Target": "_order.ShippingAddress.Address2",
                "ContentType": "STRING",
            },
            "shipping_address.city": {
                "Source": "_source.detail.event.detail.payload.shipping_address.city",
                "Target": "_order.ShippingAddress.City",
                "ContentType": "STRING",
            },
            "shipping_address.zip": {
                "Source": "_source.detail.event.detail.payload.shipping_address.zip",
                "Target": "_order.ShippingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "shipping_address.province": {
                "Source": "_source.detail.event.detail.payload.shipping_address.province",
                "Target": "_order.ShippingAddress.Province",
                "ContentType": "STRING",
            },
            "shipping_address.country": {
                "Source": "_source.detail.event.detail.payload.shipping_address.country",
                "Target": "_order.ShippingAddress.Country",
                "ContentType": "STRING",
            },
            "shipping_address.name": {
                "Source": "_source.detail.event.detail.payload.shipping_address.name",
                "Target": "_order.ShippingAddress.Name",
                "ContentType": "STRING",
            },
            "invoice_url": {
                "Source": "_source.detail.event.detail.payload.invoice_url",
                "Target": "_order.StatusUrl",
                "ContentType": "STRING",
            },
            "total_price": {
                "Source": "_source.detail.event.detail.payload.total_price",
                "Target": "_order.TotalPrice",
                "ContentType": "STRING",
            },
            "total_tax": {
                "Source": "_source.detail.event.detail.payload.total_tax",
                "Target": "_order.TotalTax",
                "ContentType": "STRING",
            },
            "line_items.title": {
                "Source": "_source.detail.event.detail.payload.line_items[].title",
                "Target": "_order.OrderItems[].Title",
                "ContentType": "STRING",
            },
            "line_items.price": {
                "Source": "_source.detail.event.detail.payload.line_items[].price",
                "Target": "_order.OrderItems[].Price",
                "ContentType": "STRING",
            },
            "line_items.quantity": {
                "Source": "_source.detail.event.detail.payload.line_items[].quantity",
                "Target": "_order.OrderItems[].Quantity",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_shopifyOrderId": [
                {
                    "StandardIdentifiers": [
                        "ORDER",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "id",
                    ],
                },
            ],
            "_shopifyCustomerId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "customer_id",
                    ],
                },
            ],
        },
    },
    "Shopify-Order": {
        "TemplateId": "Shopify-Order",
        "SourceName": "Shopify",
        "SourceObject": "Order",
        "AllowProfileCreation": False,
        "Fields": {
            "id": {
                "Source": "_source.detail.event.detail.payload.id",
                "Target": "_order.Attributes.ShopifyOrderId",
                "ContentType": "STRING",
            },
            "customer_id": {
                "Source": "_source.detail.event.detail.payload.customer.id",
                "Target": "_order.Attributes.ShopifyCustomerId",
                "ContentType": "STRING",
            },
            "cancelled_at": {
                "Source": "_source.detail.event.detail.payload.cancelled_at",
                "Target": "_order.CancelledDate",
                "ContentType": "STRING",
            },
            "cancel_reason": {
                "Source": "_source.detail.event.detail.payload.cancel_reason",
                "Target": "_order.CancelReason",
                "ContentType": "STRING",
            },
            "closed_at": {
                "Source": "_source.detail.event.detail.payload.closed_at",
                "Target": "_order.ClosedDate",
                "ContentType": "STRING",
            },
            "created_at": {
                "Source": "_source.detail.event.detail.payload.created_at",
                "Target": "_order.CreatedDate",
                "ContentType": "STRING",
            },
            "currency": {
                "Source": "_source.detail.event.detail.payload.currency",
                "Target": "_order.Currency",
                "ContentType": "STRING",
            },
            "email": {
                "Source": "_source.detail.event.detail.payload.email",
                "Target": "_order.CustomerEmail",
                "ContentType": "EMAIL_ADDRESS",
            },
            "financial_status": {
                "Source": "_source.detail.event.detail.payload.financial_status",
                "Target": "_order.Status",
                "ContentType": "STRING",
            },
            "order_status_code": {
                "Source": "_source.detail.event.detail.payload.order_status_url",
                "Target": "_order.StatusCode",
                "ContentType": "STRING",
            },
            "fulfillment_status": {
                "Source": "_source.detail.event.detail.payload.fulfillment_status",
                "Target": "_order.FulfillmentStatus",
                "ContentType": "STRING",
            },
            "gateway": {
                "Source": "_source.detail.event.detail.payload.gateway",
                "Target": "_order.Gateway",
                "ContentType": "STRING",
            },
            "name": {
                "Source": "_source.detail.event.detail.payload.name",
                "Target": "_order.Name",
                "ContentType": "STRING",
            },
            "note": {
                "Source": "_source.detail.event.detail.payload.note",
                "Target": "_order.AdditionalInformation",
                "ContentType": "STRING",
            },
            "order_status_url": {
                "Source": "_source.detail.event.detail.payload.order_status_url",
                "Target": "_order.StatusUrl",
                "ContentType": "STRING",
            },
            "phone": {
                "Source": "_source.detail.event.detail.payload.phone",
                "Target": "_order.CustomerPhone",
                "ContentType": "PHONE_NUMBER",
            },
            "processed_at": {
                "Source": "_source.detail.event.detail.payload.processed_at",
                "Target": "_order.ProcessedDate",
                "ContentType": "STRING",
            },
            "total_discounts": {
                "Source": "_source.detail.event.detail.payload.total_discounts",
                "Target": "_order.TotalDiscounts",
                "ContentType": "STRING",
            },
            "total_line_items_price": {
                "Source": "_source.detail.event.detail.payload.total_line_items_price",
                "Target": "_order.TotalItemsPrice",
                "ContentType": "STRING",
            },
            "total_price": {
                "Source": "_source.detail.event.detail.payload.total_price",
                "Target": "_order.TotalPrice",
                "ContentType": "STRING",
            },
            "total_shipping_price": {
                "Source": "_source.detail.event.detail.payload.total_shipping_price_set.shop_money.amount",
                "Target": "_order.TotalShippingPrice",
                "ContentType": "STRING",
            },
            "total_tax": {
                "Source": "_source.detail.event.detail.payload.total_tax",
                "Target": "_order.TotalTax",
                "ContentType": "STRING",
            },
            "total_tip_received": {
                "Source": "_source.detail.event.detail.payload.total_tip_received",
                "Target": "_order.TotalTipReceived",
                "ContentType": "STRING",
            },
            "total_weight": {
                "Source": "_source.detail.event.detail.payload.total_weight",
                "Target": "_order.TotalWeight",
                "ContentType": "STRING",
            },
            "updated_at": {
                "Source": "_source.detail.event.detail.payload.updated_at",
                "Target": "_order.UpdatedDate",
                "ContentType": "STRING",
            },
            "billing_address.address1": {
                "Source": "_source.detail.event.detail.payload.billing_address.address1",
                "Target": "_order.BillingAddress.Address1",
                "ContentType": "STRING",
            },
            "billing_address.address2": {
                "Source": "_source.detail.event.detail.payload.billing_address.address2",
                "Target": "_order.BillingAddress.Address2",
                "ContentType": "STRING",
            },
            "billing_address.city": {
                "Source": "_source.detail.event.detail.payload.billing_address.city",
                "Target": "_order.BillingAddress.City",
                "ContentType": "STRING",
            },
            "billing_address.zip": {
                "Source": "_source.detail.event.detail.payload.billing_address.zip",
                "Target": "_order.BillingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "billing_address.province": {
                "Source": "_source.detail.event.detail.payload.billing_address.province",
                "Target": "_order.BillingAddress.Province",
                "ContentType": "STRING",
            },
            "billing_address.country": {
                "Source": "_source.detail.event.detail.payload.billing_address.country",
                "Target": "_order.BillingAddress.Country",
                "ContentType": "STRING",
            },
            "billing_address.name": {
                "Source": "_source.detail.event.detail.payload.billing_address.name",
                "Target": "_order.BillingAddress.Name",
                "ContentType": "STRING",
            },
            "payment_details.credit_card_number": {
                "Source": "_source.detail.event.detail.payload.payment_details.credit_card_number",
                "Target": "_order.CreditCardNumber",
                "ContentType": "STRING",
            },
            "payment_details.credit_card_company": {
                "Source": "_source.detail.event.detail.payload.payment_details.credit_card_company",
                "Target": "_order.CreditCardCompany",
                "ContentType": "STRING",
            },
            "shipping_address.address1": {
                "Source": "_source.detail.event.detail.payload.shipping_address.address1",
                "Target": "_order.ShippingAddress.Address1",
                "ContentType": "STRING",
            },
            "shipping_address.address2": {
                "Source": "_source.detail.event.detail.payload.shipping_address.address2",
                "Target": "_order.ShippingAddress.Address2",
                "ContentType": "STRING",
            },
            "shipping_address.city": {
                "Source": "_source.detail.event.detail.payload.shipping_address.city",
                "Target": "_order.ShippingAddress.City",
                "ContentType": "STRING",
            },
            "shipping_address.zip": {
                "Source": "_source.detail.event.detail.payload.shipping_address.zip",
                "Target": "_order.ShippingAddress.PostalCode",
                "ContentType": "STRING",
            },
            "shipping_address.province": {
                "Source": "_source.detail.event.detail.payload.shipping_address.province",
                "Target": "_order.ShippingAddress.Province",
                "ContentType": "STRING",
            },
            "shipping_address.country": {
                "Source": "_source.detail.event.detail.payload.shipping_address.country",
                "Target": "_order.ShippingAddress.Country",
                "ContentType": "STRING",
            },
            "shipping_address.name": {
                "Source": "_source.detail.event.detail.payload.shipping_address.name",
                "Target": "_order.ShippingAddress.Name",
                "ContentType": "STRING",
            },
            "line_items.title": {
                "Source": "_source.detail.event.detail.payload.line_items[].title",
                "Target": "_order.OrderItems[].Title",
                "ContentType": "STRING",
            },
            "line_items.price": {
                "Source": "_source.detail.event.detail.payload.line_items[].price",
                "Target": "_order.OrderItems[].Price",
                "ContentType": "STRING",
            },
            "line_items.quantity": {
                "Source": "_source.detail.event.detail.payload.line_items[].quantity",
                "Target": "_order.OrderItems[].Quantity",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_shopifyOrderId": [
                {
                    "StandardIdentifiers": [
                        "ORDER",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "id",
                    ],
                },
            ],
            "_shopifyCustomerId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "customer_id",
                    ],
                },
            ],
        },
    },
    "Zendesk-tickets": {
        "TemplateId": "Zendesk-tickets",
        "SourceName": "Zendesk",
        "SourceObject": "tickets",
        "AllowProfileCreation": False,
        "Fields": {
            "requester_id": {
                "Source": "_source.requester_id",
                "Target": "_case.Attributes.ZendeskUserId",
                "ContentType": "STRING",
            },
            "id": {
                "Source": "_source.id",
                "Target": "_case.Attributes.ZendeskTicketId",
                "ContentType": "STRING",
            },
            "subject": {
                "Source": "_source.subject",
                "Target": "_case.Title",
                "ContentType": "STRING",
            },
            "description": {
                "Source": "_source.description",
                "Target": "_case.Summary",
                "ContentType": "STRING",
            },
            "status": {
                "Source": "_source.status",
                "Target": "_case.Status",
                "ContentType": "STRING",
            },
            "created_by": {
                "Source": "_source.requester_id",
                "Target": "_case.CreatedBy",
                "ContentType": "STRING",
            },
            "created_at": {
                "Source": "_source.created_at",
                "Target": "_case.CreatedDate",
                "ContentType": "STRING",
            },
            "updated_at": {
                "Source": "_source.updated_at",
                "Target": "_case.UpdatedDate",
                "ContentType": "STRING",
            },
        },
        "Keys": {
            "_zendeskTicketId": [
                {
                    "StandardIdentifiers": [
                        "CASE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "id",
                    ],
                },
            ],
            "_zendeskUserId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "requester_id",
                    ],
                },
            ],
        },
    },
    "Zendesk-users": {
        "TemplateId": "Zendesk-users",
        "SourceName": "Zendesk",
        "SourceObject": "users",
        "AllowProfileCreation": True,
        "Fields": {
            "id": {
                "Source": "_source.id",
                "Target": "_profile.Attributes.ZendeskUserId",
                "ContentType": "STRING",
            },
            "external_id": {
                "Source": "_source.external_id",
                "Target": "_profile.Attributes.ZendeskExternalId",
                "ContentType": "STRING",
            },
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
            "phone": {
                "Source": "_source.phone",
                "Target": "_profile.PhoneNumber",
                "ContentType": "PHONE_NUMBER",
            },
        },
        "Keys": {
            "_zendeskUserId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                        "UNIQUE",
                    ],
                    "FieldNames": [
                        "id",
                    ],
                },
            ],
            "_zendeskExternalId": [
                {
                    "StandardIdentifiers": [
                        "PROFILE",
                    ],
                    "FieldNames": [
                        "external_id",
                    ],
                },
            ],
        },
    },
}

# Every template above is reconstructed from the admin guide, not published verbatim.
RECONSTRUCTED: frozenset[str] = frozenset(
    {
        "CTR",
        "CTR-AutoAssociateOnly",
        "CTR-NoInferred",
        "Marketo-leads",
        "Salesforce-Account",
        "Salesforce-Asset",
        "Salesforce-Contact",
        "Segment-Identify",
        "Servicenow-incident",
        "Servicenow-sys_user",
        "Servicenow-task",
        "Shopify-Customer",
        "Shopify-DraftOrder",
        "Shopify-Order",
        "Zendesk-tickets",
        "Zendesk-users",
    }
)
