// Setup and invite codes are read aloud and typed on a phone: any case, with or without hyphens and spaces; the
// alphabet leaves out 0/O and 1/I/L. The form checks a code with the schema the function uses.
import { redeemInviteInput, redeemSetupCodeInput } from '@shared/contracts/enrolment'

test.each([
  ['7KQM-3WXP-9TDA', '7KQM3WXP9TDA'],
  ['7kqm 3wxp 9tda', '7KQM3WXP9TDA'],
  [' 7KQM3WXP9TDA ', '7KQM3WXP9TDA'],
])('%s reads as %s', (typed, code) => {
  expect(redeemInviteInput.parse({ code: typed })).toEqual({ code })
})

test.each([['7KQM-3WXP'], ['7KQM-3WXP-9TD0'], ['7KQM-3WXP-9TDI'], ['7KQM-3WXP-9TDAX'], ['']])(
  '%s is refused, with what a code looks like',
  (typed) => {
    const parsed = redeemInviteInput.safeParse({ code: typed })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/邀请码/)
  },
)

test('the first administrator names themself with the setup code', () => {
  expect(redeemSetupCodeInput.safeParse({ code: '7KQM-3WXP-9TDA', name: '周敏' }).success).toBe(true)
  const nameless = redeemSetupCodeInput.safeParse({ code: '7KQM-3WXP-9TDA' })
  expect(nameless.error?.issues[0]?.message).toBe('请填写姓名')
})
