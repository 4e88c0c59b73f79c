/** Petitioners for the tests that register through the API, which checks resident ID numbers in full. */
import { residentIdCheckChar } from '../../api/input-rules';

/** A resident ID number (GB 11643) from its first 17 digits: region, birth date, sequence, then the check character. */
export function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

let petitionerNo = 0;

/** A resident ID number no other call in this test file has answered (Futian district, born 1 January 1990). */
export function newResidentId(): string {
  petitionerNo += 1;
  return residentId(`44030419900101${String(petitionerNo).padStart(3, '0')}`);
}

/**
 * A petitioner of their own (a name and a valid resident ID number no other call in this test file answered),
 * so that the repeats (重复信访) a test sees are only the ones it makes.
 */
export function newPetitioner(): { name: string; idNumber: string } {
  const idNumber = newResidentId();
  return { name: `测试人${petitionerNo}`, idNumber };
}
