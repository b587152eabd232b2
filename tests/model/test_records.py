"""Records are strict and print in the contract's JSON shape."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from model.records import Activity, Deviation, Extraction, StatusReport, WarningRecord


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Activity(name="x", colour="red")


def test_status_must_be_a_normalized_value():
    with pytest.raises(ValidationError):
        StatusReport(activity_name="x", period="1e VGR", status="groen", status_raw="Groen")


def test_deviation_amount_is_a_magnitude():
    with pytest.raises(ValidationError):
        Deviation(item="Jeugdzorg", amount_eur=-328000, direction="N")


def test_json_shape_has_warnings_as_strings_and_no_raw_text():
    extraction = Extraction(
        source="a.txt",
        sha256="0" * 64,
        raw_text="secret text",
        warnings=[WarningRecord(code="unmapped-status-label", message="x", line=3)],
    )
    data = extraction.to_json_dict()
    assert data["warnings"] == ["line 3: unmapped-status-label: x"]
    assert data["warning_details"][0]["code"] == "unmapped-status-label"
    assert "raw_text" not in data
    assert set(data) >= {
        "source",
        "sha256",
        "error",
        "document",
        "periods",
        "activities",
        "statuses",
        "budget_lines",
        "deviations",
        "indicators",
        "goals",
        "warnings",
    }
